package jp.kyodo.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The CSV files of open data as the spreadsheet software of a city office reads them: BOM, CRLF, a header row. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** The text after the byte order mark, once it is checked that every line ends in CRLF (the last one too). */
    public static String text(byte[] bytes) {
        if (bytes.length < 3 || bytes[0] != (byte) 0xEF || bytes[1] != (byte) 0xBB || bytes[2] != (byte) 0xBF) {
            throw new AssertionError("a CSV file without the UTF-8 byte order mark");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        if (text.replace("\r\n", "").contains("\r") || !text.endsWith("\r\n")) {
            throw new AssertionError("a CSV file whose lines do not all end in CRLF: " + text);
        }
        return text;
    }

    /** The header row; column names need no quotes, though the writer may add them. */
    public static String header(String text) {
        return text.substring(0, text.indexOf("\r\n")).replace("\"", "");
    }

    /** The rows after the header, each by column name. */
    public static List<Map<String, String>> rows(String text) {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
