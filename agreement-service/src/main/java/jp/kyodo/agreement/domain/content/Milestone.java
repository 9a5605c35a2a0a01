package jp.kyodo.agreement.domain.content;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone (工程) or reflection point (振り返り) with its due date. */
@Schema(name = "AgreementMilestone", description = "A milestone (工程) or reflection point (振り返り)")
public record Milestone(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID milestoneId,
        @Schema(description = "What is reached or reviewed") @NotBlank @Size(max = 500) String name,
        @Schema(description = "Due date") @NotNull LocalDate dueDate,
        @Schema(description = "MILESTONE or REFLECTION (振り返り)") @NotNull MilestoneKind kind) {

    Milestone withId(UUID id) {
        return new Milestone(id, name, dueDate, kind);
    }
}
