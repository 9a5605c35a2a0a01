package jp.kyodo.agreement.procedure;

import java.util.UUID;

import jp.kyodo.agreement.domain.content.AgreementContent;

/**
 * Whether a collaboration has a part its form requires (a commission's 仕様書 and 役割分担書, an executive committee's
 * 規約). A part may be written into the content or attached to the collaboration as a document; the procedures ask
 * only this question.
 */
@FunctionalInterface
public interface RequiredParts {

    boolean present(UUID agreementId, AgreementContent content, RequiredPart part);
}
