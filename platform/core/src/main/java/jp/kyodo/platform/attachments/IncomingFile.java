package jp.kyodo.platform.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * An uploaded file that passed the checks, with what was computed from its content: sanitised name, detected media
 * type, size and SHA-256. Quarkus has already streamed the part into a temporary file (deleted after the request).
 */
public record IncomingFile(Path path, String fileName, String mediaType, long sizeBytes, String sha256) {

    public static final ProblemType CHECKSUM_MISMATCH = ProblemType.of("checksum-mismatch", 400,
            "The file's SHA-256 differs from the one declared", "ファイルの SHA-256 が申告値と一致しません");

    /** The checks, cheapest first: size, name, checksum, type. Each refusal names the part of the form. */
    public static IncomingFile of(FileUpload upload, String declaredSha256, long maxBytes) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalidField("file", "Send the file in the part named 'file'.",
                    "ファイルを 'file' パートで送信してください。");
        }
        long size = upload.size();
        if (size > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, LocalizedText.of(
                    "The file is larger than " + maxBytes / (1024 * 1024) + " MB.",
                    "ファイルが " + maxBytes / (1024 * 1024) + " MB を超えています。"));
        }
        if (size == 0) {
            throw ProblemException.invalidField("file", "The file is empty.", "ファイルが空です。");
        }
        FileNames.problem(upload.fileName()).ifPresent(problem -> {
            throw ProblemException.invalidField("file", problem, "ファイル名が不正です: " + problem);
        });
        String name = FileNames.sanitised(upload.fileName());
        Path path = upload.uploadedFile();
        String sha256 = sha256(path);
        if (declaredSha256 != null && !declaredSha256.isBlank()
                && !declaredSha256.strip().toLowerCase(Locale.ROOT).equals(sha256)) {
            throw new ProblemException(CHECKSUM_MISMATCH, LocalizedText.of(
                    "The file's SHA-256 is " + sha256 + ", not the declared " + declaredSha256 + ".",
                    "ファイルの SHA-256 は " + sha256 + " で、申告値と異なります。"));
        }
        String mediaType = MediaTypes.detect(path, name);
        MediaTypes.refusal(mediaType, name, path).ifPresent(reason -> {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, LocalizedText.of(reason,
                    "この種類のファイルは受け付けられません（" + mediaType + "）。"));
        });
        return new IncomingFile(path, name, mediaType, size, sha256);
    }

    static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
