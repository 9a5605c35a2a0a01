package jp.kyodo.agreement.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * What a signed PDF says about itself, checked: each signature's integrity (the CMS signature over the byte ranges
 * it covers), whether its certificate chains to a trust anchor, which revision it covers; the document information
 * that names the agreement and version; and the embedded data file.
 */
public final class SignedPdf {

    /** One signature as found and checked. */
    public record Check(String name, String reason, String signerCertificate, Instant signedAt, boolean intact,
            boolean trusted, long coveredBytes, String problem) {
    }

    /** The whole document: its signatures, the last covering every byte or not, and what it names. */
    public record Inspection(List<Check> signatures, boolean lastCoversWholeFile, String agreementId,
            String documentVersion, String documentKind, String dataFileSha256, String fileSha256) {
    }

    private SignedPdf() {
    }

    /** Inspects {@code pdf}; an unreadable file is an {@link IOException}. */
    public static Inspection inspect(byte[] pdf, Set<TrustAnchor> anchors) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Check> checks = new ArrayList<>();
            long lastEnd = -1;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                long end = range == null || range.length != 4 ? -1 : (long) range[2] + range[3];
                lastEnd = Math.max(lastEnd, end);
                checks.add(check(signature, pdf, anchors, end));
            }
            var info = document.getDocumentInformation();
            String agreementId = info.getCustomMetadataValue(VersionDocuments.INFO_AGREEMENT);
            String version = info.getCustomMetadataValue(VersionDocuments.INFO_VERSION);
            byte[] data = agreementId == null || version == null ? null
                    : PdfA3.associatedFile(document, VersionDocuments.dataFileName(agreementId, version));
            return new Inspection(checks, lastEnd == pdf.length, agreementId, version,
                    info.getCustomMetadataValue(VersionDocuments.INFO_KIND), data == null ? null : sha256(data),
                    sha256(pdf));
        }
    }

    private static Check check(PDSignature signature, byte[] pdf, Set<TrustAnchor> anchors, long end) {
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        try {
            int[] range = signature.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || end > pdf.length || range[1] > range[2]) {
                return new Check(signature.getName(), signature.getReason(), null, signedAt, false, false, end,
                        "byte range does not fit the file");
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Check(signature.getName(), signature.getReason(), null, signedAt, false, false, end,
                        "the signer's certificate is not in the signature");
            }
            X509CertificateHolder holder = (X509CertificateHolder) matches.iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            String problem = intact ? null : "the signed bytes were changed";
            boolean trusted = false;
            try {
                List<X509Certificate> path = new ArrayList<>();
                path.add(certificate);
                for (Object other : cms.getCertificates().getMatches(null)) {
                    X509Certificate c = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) other);
                    if (!c.equals(certificate) && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                        path.add(c);
                    }
                }
                PKIXParameters parameters = new PKIXParameters(anchors);
                parameters.setRevocationEnabled(false);
                if (signedAt != null) {
                    parameters.setDate(Date.from(signedAt));
                }
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
                trusted = true;
            } catch (Exception untrusted) {
                problem = problem != null ? problem : "the certificate does not chain to a trusted authority";
            }
            return new Check(signature.getName(), signature.getReason(),
                    certificate.getSubjectX500Principal().getName(), signedAt, intact, trusted, end, problem);
        } catch (Exception e) {
            return new Check(signature.getName(), signature.getReason(), null, signedAt, false, false, end,
                    "the signature cannot be read: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean looksLikePdf(byte[] bytes) {
        return bytes.length > 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
    }

    static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
