package jp.kyodo.platform.attachments;

import java.util.UUID;

/**
 * What a file is attached to: an aggregate (e.g. an agreement), a kind of part of it (its working copy, a cost
 * report) and that part's id. Services and form procedures name their own parts.
 */
public record AttachmentTarget(String aggregateType, UUID aggregateId, String partKind, UUID partId) {

    /** The aggregate itself as the part (an organisation's evidence, a proposal's documents). */
    public static AttachmentTarget whole(String aggregateType, UUID aggregateId) {
        return new AttachmentTarget(aggregateType, aggregateId, aggregateType.toUpperCase(java.util.Locale.ROOT),
                aggregateId);
    }
}
