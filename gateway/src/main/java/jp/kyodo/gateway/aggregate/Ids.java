package jp.kyodo.gateway.aggregate;

import java.util.UUID;

/** Ids read from paths and from services' answers; only well-formed UUIDs are ever put into a service path. */
public final class Ids {

    private static final int SHOWN = 64;

    private Ids() {
    }

    /** The UUID, or null for anything that is not one (36 characters, hex digits and hyphens). */
    public static UUID uuid(Object value) {
        if (!(value instanceof String text) || text.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** For quoting a caller's value in an error message without echoing a whole essay. */
    public static String shortened(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }
}
