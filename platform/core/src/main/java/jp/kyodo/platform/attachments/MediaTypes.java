package jp.kyodo.platform.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Which files are accepted, by the media type Apache Tika detects from the content (the declared type is never
 * trusted): PDF, images, office documents, CSV and plain text. HTML, scripts, executables, archives and anything
 * unknown are refused, and so are SVG images with scripts and files whose name claims another type than their
 * content (an executable named {@code .pdf}, a PDF named {@code .exe}).
 */
public final class MediaTypes {

    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png", "image/jpeg", "image/gif", "image/tiff", "image/webp", "image/bmp", "image/svg+xml",
            "text/plain", "text/csv",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    /** Extensions that run something when opened, whatever the content says. */
    static final Set<String> EXECUTABLE_EXTENSIONS = Set.of("exe", "com", "bat", "cmd", "scr", "pif", "msi", "dll",
            "js", "jse", "vbs", "vbe", "wsf", "ps1", "sh", "jar", "app", "lnk", "hta", "html", "htm", "xhtml", "svgz");

    private static final Pattern SVG_SCRIPT = Pattern.compile(
            "<script|\\son[a-z]+\\s*=|javascript:|<foreignobject|<iframe|<embed|<object", Pattern.CASE_INSENSITIVE);

    private static final MimeTypes TYPES = TikaConfig.getDefaultConfig().getMimeRepository();
    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    private MediaTypes() {
    }

    /** The media type of the file's content (its name only refines a type the content allows, as Tika does). */
    public static String detect(Path file, String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = org.apache.tika.io.TikaInputStream.get(file)) {
            return DETECTOR.detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Why a file of this detected type and name is refused, or empty when it is accepted. */
    public static Optional<String> refusal(String detected, String fileName, Path file) {
        String extension = FileNames.extension(fileName);
        if (EXECUTABLE_EXTENSIONS.contains(extension)) {
            return Optional.of("Files named ." + extension + " are not accepted.");
        }
        if (!ALLOWED.contains(detected)) {
            return Optional.of("Files of type " + detected + " are not accepted (PDF, images, office documents, CSV"
                    + " and plain text are).");
        }
        Optional<MediaType> claimed = byName(fileName);
        if (claimed.isPresent() && !fits(MediaType.parse(detected), claimed.get())) {
            return Optional.of("The content (" + detected + ") does not match the file name's type (" + claimed.get()
                    + ").");
        }
        if (detected.equals("image/svg+xml") && hasScript(file)) {
            return Optional.of("SVG images with scripts are not accepted.");
        }
        return Optional.empty();
    }

    private static Optional<MediaType> byName(String fileName) {
        if (FileNames.extension(fileName).isEmpty()) {
            return Optional.empty();
        }
        try {
            MediaType type = TYPES.getMimeType(fileName.toLowerCase(Locale.ROOT)).getType();
            return type.equals(MediaType.OCTET_STREAM) ? Optional.empty() : Optional.of(type);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The content is of the named type, or one of them specialises the other (text/csv and text/plain). */
    private static boolean fits(MediaType detected, MediaType claimed) {
        return detected.equals(claimed) || REGISTRY.isSpecializationOf(detected, claimed)
                || REGISTRY.isSpecializationOf(claimed, detected);
    }

    private static boolean hasScript(Path file) {
        try {
            return SVG_SCRIPT.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            return true;
        }
    }
}
