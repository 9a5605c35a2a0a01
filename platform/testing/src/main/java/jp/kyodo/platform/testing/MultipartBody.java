package jp.kyodo.platform.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body as browsers and curl send an upload: text fields, then the file with its name as
 * raw UTF-8 in the part header (HTTP clients' multipart builders often reduce a Japanese name to ASCII).
 */
public record MultipartBody(String contentType, byte[] bytes) {

    /** The fields in their order, then the file part named {@code file} unless {@code fileName} is null. */
    public static MultipartBody of(String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "kyodo" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream((content == null ? 0 : content.length) + 1024);
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new MultipartBody("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A small valid one-page PDF (what Tika detects as application/pdf). */
    public static byte[] samplePdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
