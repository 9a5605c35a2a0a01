package jp.kyodo.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoggedPathsTest {

    private static final String SECRET = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

    @ParameterizedTest
    @CsvSource({
            "/api/notifications/calendar-feeds/" + SECRET + ".ics,       /api/notifications/calendar-feeds/<redacted>",
            "/api/notifications/calendar-feeds/" + SECRET + "?x=1,       /api/notifications/calendar-feeds/<redacted>",
            "/api/notifications/calendar%2Dfeeds/" + SECRET + ".ics,     /api/notifications/calendar-feeds/<redacted>",
            "/api/notifications/%63alendar-feeds/" + SECRET + ",         /api/notifications/calendar-feeds/<redacted>",
            "/api/notifications/x%2F..%2Fcalendar-feeds%2F" + SECRET + ", /api/notifications/x/../calendar-feeds/<redacted>",
            "/api/notifications/me/tasks?limit=5,                        /api/notifications/me/tasks?limit=5",
            "/api/notifications/me/inbox/%ZZ,                            /api/notifications/<redacted>",
            "/api/proposals/calendar-feeds,                              /api/proposals/calendar-feeds",
    })
    void aFeedsSecretNeverReachesALogLine(String path, String logged) {
        assertEquals(logged, LoggedPaths.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/notifications/calendar-feeds/" + SECRET + ".ics",
            "/api/notifications/calendar%2dfeeds/" + SECRET, "/api/notifications/%63alendar-feeds/" + SECRET})
    void theAccessLogLeavesOutEveryFeedPath(String path) {
        assertEquals(true, Pattern.compile(LoggedPaths.SECRET_PATHS).matcher(path).matches(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/notifications/me/tasks", "/api/notifications/me/calendar-feed/rotation"})
    void theAccessLogKeepsTheOtherNotificationPaths(String path) {
        assertFalse(Pattern.compile(LoggedPaths.SECRET_PATHS).matcher(path).matches(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The timeout period of 10000ms has been exceeded while executing GET "
            + "/api/notifications/calendar-feeds/" + SECRET + ".ics for server 127.0.0.1:8085",
            "GET /api/notifications/Calendar%2DFeeds/" + SECRET + " failed"})
    void aMessageNamingAFeedIsRedactedToo(String message) {
        assertFalse(LoggedPaths.inText(message).contains(SECRET), LoggedPaths.inText(message));
    }
}
