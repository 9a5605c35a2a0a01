package jp.kyodo.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdValuesTest {

    @Test
    void saneIdsAreKept() {
        assertEquals("abc-123", RequestId.acceptOrCreate("abc-123"));
        assertTrue(RequestId.isSane("!~"));
        assertTrue(RequestId.isSane("x".repeat(128)));
    }

    @Test
    void everythingElseIsReplaced() {
        assertFalse(RequestId.isSane(null));
        assertFalse(RequestId.isSane(""));
        assertFalse(RequestId.isSane("x".repeat(129)));
        assertFalse(RequestId.isSane("a b"));
        assertFalse(RequestId.isSane("a\r\nSet-Cookie: x"));
        assertFalse(RequestId.isSane("é"));
        assertNotEquals("a b", RequestId.acceptOrCreate("a b"));
    }
}
