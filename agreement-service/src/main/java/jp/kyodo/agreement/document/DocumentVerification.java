package jp.kyodo.agreement.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * Says of a PDF brought back (by a partner, an archive, a court) which agreement and version it is and whether it
 * is the document this system signed: every signature intact and chaining to a configured trust anchor (a PDF
 * re-signed with any other key fails), the last one covering the whole file, the embedded content matching the
 * version's SHA-256, and the file being a revision this service issued (a version signed elsewhere fails).
 */
@ApplicationScoped
public class DocumentVerification {

    public static final ProblemType NOT_A_PDF = ProblemType.of("not-a-pdf", 400, "The body is not a readable PDF",
            "本文は読み取り可能な PDF ではありません");

    @Inject
    DocumentKeys keys;

    public DocumentVerificationReport verify(byte[] pdf) {
        if (!SignedPdf.looksLikePdf(pdf)) {
            throw new ProblemException(NOT_A_PDF, LocalizedText.of("Send the PDF itself (application/pdf).",
                    "PDF ファイルそのものを送信してください（application/pdf）。"));
        }
        SignedPdf.Inspection inspection;
        try {
            inspection = SignedPdf.inspect(pdf, keys.trustAnchors());
        } catch (IOException e) {
            throw new ProblemException(NOT_A_PDF, LocalizedText.of("The PDF cannot be read: " + e.getMessage(),
                    "PDF を読み取れません。"));
        }
        List<String> problems = new ArrayList<>();
        List<DocumentVerificationReport.SignatureReport> signatures = inspection.signatures().stream()
                .map(c -> new DocumentVerificationReport.SignatureReport(c.name(), c.reason(), c.signerCertificate(),
                        c.signedAt() == null ? null : c.signedAt().atOffset(java.time.ZoneOffset.UTC), c.intact(),
                        c.trusted(), c.problem()))
                .toList();
        if (signatures.isEmpty()) {
            problems.add("The PDF carries no signature.");
        }
        inspection.signatures().stream().filter(c -> c.problem() != null)
                .forEach(c -> problems.add("Signature of " + c.name() + ": " + c.problem() + "."));
        if (!signatures.isEmpty() && !inspection.lastCoversWholeFile()) {
            problems.add("Bytes were added after the last signature.");
        }
        UUID agreementId = parse(inspection.agreementId());
        Integer number = parseInt(inspection.documentVersion());
        Optional<AgreementVersion> version = agreementId == null || number == null ? Optional.empty()
                : AgreementVersion.of(agreementId, number);
        boolean contentMatches = false;
        String status = null;
        boolean complete = false;
        if (version.isEmpty()) {
            problems.add("The PDF names no version of an agreement kept here.");
        } else {
            contentMatches = version.get().contentSha256.equals(inspection.dataFileSha256());
            if (!contentMatches) {
                problems.add("The embedded content does not match the version's SHA-256.");
            }
            Agreement agreement = Agreement.findById(agreementId);
            status = statusOf(agreement, number);
            AgreementContent content = CanonicalJson.read(version.get().content);
            long signedBy = DocumentRevision.count("agreementId = ?1 and versionNumber = ?2 and signedFor is not null",
                    agreementId, number);
            complete = signedBy >= VersionDocuments.signers(content).size();
        }
        Optional<DocumentRevision> issued = DocumentRevision.withSha256(inspection.fileSha256())
                .filter(r -> r.revision > 0 && r.agreementId.equals(agreementId) && number != null
                        && r.versionNumber == number);
        if (issued.isEmpty()) {
            problems.add("This file is not a signed document this system issued (signed elsewhere, or changed).");
        } else {
            complete = complete && DocumentRevision.latest(agreementId, number).map(r -> r.revision)
                    .orElse(-1) == issued.get().revision;
        }
        boolean valid = problems.isEmpty();
        return new DocumentVerificationReport(valid, version.isPresent() ? agreementId : null,
                version.isPresent() ? number : null, inspection.documentKind(),
                version.map(v -> v.contentSha256).orElse(null), contentMatches, status, valid && complete,
                inspection.fileSha256(), signatures, problems);
    }

    private static String statusOf(Agreement agreement, int number) {
        if (Integer.valueOf(number).equals(agreement.pendingVersion)) {
            return "AWAITING_SIGNATURES";
        }
        if (Integer.valueOf(number).equals(agreement.versionInForce)) {
            return switch (agreement.state) {
                case COMPLETED -> "COMPLETED";
                case TERMINATED -> "TERMINATED";
                default -> "IN_FORCE";
            };
        }
        return agreement.versionInForce != null && number < agreement.versionInForce ? "SUPERSEDED" : "NOT_IN_FORCE";
    }

    private static UUID parse(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer parseInt(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
