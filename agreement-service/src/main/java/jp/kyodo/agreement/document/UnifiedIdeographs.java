package jp.kyodo.agreement.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;

/**
 * Makes the text of a PDF come back as the ideographs it was written with. IPAexGothic draws 里 (U+91CC) and the
 * Kangxi radical ⾥ (U+2FA5) with one glyph, and the font embedder names a glyph by its lowest code point, so text
 * extraction (search, copy, a document management system's index) would return radicals and compatibility
 * ideographs. This rewrites a font's ToUnicode CMap so that each such glyph maps to the unified ideograph the font
 * draws with the same glyph (民 for ⺠, which no Unicode normalisation maps), or else to its NFKC form.
 */
final class UnifiedIdeographs {

    private static final Pattern RANGE = Pattern.compile("^<(\\p{XDigit}+)>\\s*<(\\p{XDigit}+)>\\s*<(\\p{XDigit}+)>$");
    private static final Pattern SINGLE = Pattern.compile("^<(\\p{XDigit}+)>\\s*<(\\p{XDigit}+)>$");

    private UnifiedIdeographs() {
    }

    static void rewrite(COSStream toUnicode, CmapLookup font) throws IOException {
        String cmap;
        try (InputStream in = toUnicode.createInputStream()) {
            cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        List<String[]> mappings = new ArrayList<>();
        boolean changed = false;
        StringBuilder head = new StringBuilder();
        StringBuilder tail = new StringBuilder();
        boolean inMappings = false;
        boolean seenMappings = false;
        for (String raw : cmap.split("\n")) {
            String line = raw.strip();
            if (line.endsWith("beginbfrange") || line.endsWith("beginbfchar")) {
                inMappings = true;
                seenMappings = true;
                continue;
            }
            if (line.equals("endbfrange") || line.equals("endbfchar")) {
                inMappings = false;
                continue;
            }
            if (inMappings) {
                Matcher range = RANGE.matcher(line);
                Matcher single = SINGLE.matcher(line);
                if (range.matches()) {
                    int from = Integer.parseInt(range.group(1), 16);
                    int to = Integer.parseInt(range.group(2), 16);
                    String destination = decode(range.group(3));
                    int width = range.group(1).length();
                    for (int code = from; code <= to; code++) {
                        String text = destination.substring(0, destination.length() - 1)
                                + (char) (destination.charAt(destination.length() - 1) + (code - from));
                        String unified = unified(text, font);
                        changed |= !unified.equals(text);
                        mappings.add(new String[] { hex(code, width), encode(unified) });
                    }
                } else if (single.matches()) {
                    String text = decode(single.group(2));
                    String unified = unified(text, font);
                    changed |= !unified.equals(text);
                    mappings.add(new String[] { single.group(1), encode(unified) });
                }
                continue;
            }
            (seenMappings ? tail : head).append(raw).append('\n');
        }
        if (!changed) {
            return;
        }
        StringBuilder out = new StringBuilder(head);
        for (int i = 0; i < mappings.size(); i += 100) {
            List<String[]> block = mappings.subList(i, Math.min(i + 100, mappings.size()));
            out.append(block.size()).append(" beginbfchar\n");
            block.forEach(m -> out.append('<').append(m[0]).append("> <").append(m[1]).append(">\n"));
            out.append("endbfchar\n");
        }
        out.append(tail);
        try (OutputStream stream = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            stream.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Kangxi radicals, CJK radicals and compatibility ideographs as the unified ideographs they stand for. */
    static String unified(String text, CmapLookup font) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean compatibility = (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF)
                    || (c >= 0x2F800 && c <= 0x2FA1F);
            if (!compatibility) {
                sb.appendCodePoint(c);
                return;
            }
            List<Integer> sameGlyph = font.getCharCodes(font.getGlyphId(c));
            int ideograph = sameGlyph == null ? -1 : sameGlyph.stream().mapToInt(Integer::intValue)
                    .filter(UnifiedIdeographs::isUnified).findFirst().orElse(-1);
            sb.append(ideograph >= 0 ? new String(Character.toChars(ideograph))
                    : Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC));
        });
        return sb.toString();
    }

    private static boolean isUnified(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2EBEF);
    }

    private static String decode(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_16BE);
    }

    private static String encode(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
    }

    private static String hex(int code, int width) {
        String h = Integer.toHexString(code).toUpperCase();
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }
}
