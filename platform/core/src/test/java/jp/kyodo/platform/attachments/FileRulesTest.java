package jp.kyodo.platform.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules for uploaded files' names and types, and the download name header. */
class FileRulesTest {

    @TempDir
    Path dir;

    @Test
    void namesAreNfcAndRefusedWithPathsOrControlCharacters() {
        String decomposed = "\u30B7\u3099\u30E7\u30A6.pdf"; // ジョウ as a Mac sends it
        assertThat(FileNames.problem(decomposed)).isEmpty();
        assertThat(FileNames.sanitised(decomposed)).isEqualTo("ジョウ.pdf");
        assertThat(FileNames.sanitised("  a:b?  c .pdf ")).isEqualTo("a_b_ c .pdf");
        assertThat(FileNames.problem("../../etc/passwd")).isPresent();
        assertThat(FileNames.problem("..\\boot.ini")).isPresent();
        assertThat(FileNames.problem("..")).isPresent();
        assertThat(FileNames.problem("a\u0000b.pdf")).isPresent();
        assertThat(FileNames.problem("invoice\u202Efdp.exe")).as("right-to-left override").isPresent();
        assertThat(FileNames.problem(" ")).isPresent();
        assertThat(FileNames.problem("あ".repeat(90) + ".pdf")).as("over 255 bytes").isPresent();
    }

    @Test
    void typesAreJudgedByContentAndTheNameMayNotDisguiseThem() throws IOException {
        Path pdf = write("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        assertThat(refusal(pdf, "仕様書.pdf")).isNull();
        assertThat(refusal(pdf, "仕様書.exe")).contains(".exe");
        Path exe = write("MZ\u0090\u0000\u0003 This program cannot be run in DOS mode.");
        assertThat(refusal(exe, "仕様書.pdf")).isNotNull();
        assertThat(refusal(write("<!DOCTYPE html><html><body>x</body></html>"), "a.txt")).isNotNull();
        assertThat(refusal(write("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>1</script></svg>"), "a.svg"))
                .contains("script");
        assertThat(refusal(write("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"/></svg>"), "a.svg"))
                .isNull();
        Path csv = write("費目,金額\n謝金,1000\n");
        assertThat(MediaTypes.detect(csv, "予算.csv")).isEqualTo("text/csv");
        assertThat(refusal(csv, "予算.csv")).isNull();
        assertThat(refusal(write("{\"a\":1}"), "a.json")).isNotNull();
    }

    @Test
    void downloadNamesSurviveInUtf8WithAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("協定書 (案).pdf")).isEqualTo(
                "attachment; filename=\"___ (_).pdf\"; filename*=UTF-8''%E5%8D%94%E5%AE%9A%E6%9B%B8%20%28%E6%A1%88%29.pdf");
        assertThat(ContentDisposition.attachment("a\"b.txt")).startsWith("attachment; filename=\"a_b.txt\"");
    }

    private String refusal(Path file, String name) {
        return MediaTypes.refusal(MediaTypes.detect(file, name), name, file).orElse(null);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".bin");
        Files.writeString(file, content, StandardCharsets.ISO_8859_1.newEncoder().canEncode(content)
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return file;
    }
}
