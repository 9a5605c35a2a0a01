package jp.kyodo.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.platform.problem.FieldError;

@Schema(description = "Something that keeps the working copy from being submitted for signature")
public record ReadinessProblem(
        @Schema(description = "Path of the field, as in the submission's 400 (content.…)") String field,
        @Schema(description = "What is missing or wrong") String message,
        @Schema(description = "The same in Japanese") String messageJa) {

    public static ReadinessProblem of(FieldError error) {
        return new ReadinessProblem("content." + error.field(), error.message().en(), error.message().ja());
    }
}
