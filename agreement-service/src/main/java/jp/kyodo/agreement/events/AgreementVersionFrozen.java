package jp.kyodo.agreement.events;

import java.util.List;
import java.util.UUID;

/** Payload of agreement.version-frozen: version N awaits every party's signature. */
public record AgreementVersionFrozen(UUID agreementId, long version, int documentVersion, String contentSha256,
        boolean amendment, List<UUID> partyIds) {
}
