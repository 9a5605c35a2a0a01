package jp.kyodo.gateway.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A request path as the gateway writes it to any log. A personal calendar feed's address is its own credential
 * ({@code /api/notifications/calendar-feeds/<secret>.ics}, read by calendar programs that send no token), so whatever
 * follows {@code calendar-feeds/} is replaced: a log line never opens someone's feed. The path is looked at decoded,
 * since the service decodes it too ({@code calendar%2Dfeeds} reaches the same feed).
 */
public final class LoggedPaths {

    public static final String REDACTED = "<redacted>";

    /**
     * The same paths as a regular expression over the raw path, for loggers that can only leave a line out (Quarkus'
     * access log): the feeds, and any encoded path under {@code /api/notifications/}, which no other operation has.
     */
    public static final String SECRET_PATHS = "/api/notifications/(calendar-feeds/.*|.*%.*)";

    private static final String FEEDS = "/calendar-feeds/";
    private static final Pattern SECRET_RAW = Pattern.compile(SECRET_PATHS);
    /** A feed's address inside a message (a client's timeout names the request it was executing). */
    private static final Pattern FEED_IN_TEXT = Pattern.compile("(?i)calendar(-|%2d)feeds/\\S*");

    private LoggedPaths() {
    }

    /** The path (or path and query) fit for a log line. */
    public static String of(String path) {
        if (path == null || !path.contains("/api/notifications/")) {
            return path;
        }
        String decoded = decode(path);
        int feeds = decoded.indexOf(FEEDS);
        if (feeds >= 0) {
            return decoded.substring(0, feeds + FEEDS.length()) + REDACTED;
        }
        return SECRET_RAW.matcher(path).matches() ? "/api/notifications/" + REDACTED : path;
    }

    /** A message (e.g. an exception's) fit for a log line: any feed address in it redacted. */
    public static String inText(String text) {
        return text == null ? null : FEED_IN_TEXT.matcher(text).replaceAll("calendar-feeds/" + REDACTED);
    }

    /** Percent-decoding of a path, leniently: a malformed escape stays as it is. */
    private static String decode(String path) {
        StringBuilder decoded = new StringBuilder(path.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                escaped.write(hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
                i += 2;
            } else {
                decoded.append(escaped.toString(StandardCharsets.UTF_8)).append(c);
                escaped.reset();
            }
        }
        return decoded.append(escaped.toString(StandardCharsets.UTF_8)).toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
