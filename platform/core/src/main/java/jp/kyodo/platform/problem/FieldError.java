package jp.kyodo.platform.problem;

/** One invalid field of a request: its JSON path (e.g. {@code postalCode}, {@code tasks[2].responsibleParty}). */
public record FieldError(String field, LocalizedText message) {

    public static FieldError of(String field, String en, String ja) {
        return new FieldError(field, LocalizedText.of(en, ja));
    }
}
