package jp.kyodo.agreement.procedure;

/**
 * A part a form requires before its version can be frozen, by the name the city uses for it, and where the content
 * holds it when it is written into the content itself.
 */
public enum RequiredPart {
    /** 仕様書 of a collaborative commission. */
    SPECIFICATION("仕様書", "terms.specification"),
    /** 役割分担書 of a collaborative commission. */
    DIVISION_OF_ROLES("役割分担書", "terms.divisionOfRoles"),
    /** 規約 of an executive committee (実行委員会). */
    COMMITTEE_RULES("規約", "terms.committeeRules");

    private final String japanese;
    private final String field;

    RequiredPart(String japanese, String field) {
        this.japanese = japanese;
        this.field = field;
    }

    public String japanese() {
        return japanese;
    }

    /** The content field that holds the part when it is written into the content. */
    public String field() {
        return field;
    }
}
