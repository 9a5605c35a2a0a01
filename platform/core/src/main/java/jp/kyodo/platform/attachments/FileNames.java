package jp.kyodo.platform.attachments;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The rules for a file's name as people gave it: NFC-normalised (a name typed on a Mac arrives decomposed), without
 * path separators, control or direction-override characters, at most 255 bytes in UTF-8, with the characters
 * Windows refuses replaced. The name is only ever shown and offered on download; no key or path is derived from it.
 */
public final class FileNames {

    static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /** Why the name is refused, or empty when it can be kept (after {@link #sanitised}). */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("The file has no name.");
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        if (nfc.indexOf('/') >= 0 || nfc.indexOf('\\') >= 0 || nfc.equals(".") || nfc.equals("..")) {
            return Optional.of("The file name must not contain a path (/ or \\ or ..).");
        }
        for (int i = 0; i < nfc.length(); ) {
            int c = nfc.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.SURROGATE) {
                return Optional.of("The file name contains a control character.");
            }
            i += Character.charCount(c);
        }
        if (sanitised(nfc).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("The file name is longer than " + MAX_BYTES + " bytes.");
        }
        return Optional.empty();
    }

    /** The name as kept: NFC, trimmed, runs of white space as one space, {@code :*?"<>|} as {@code _}. */
    public static String sanitised(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return nfc.replaceAll("[:*?\"<>|]", "_");
    }

    /** The extension in lower case without the dot, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
