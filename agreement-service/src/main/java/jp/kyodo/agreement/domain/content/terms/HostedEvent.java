package jp.kyodo.agreement.domain.content.terms;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of a co-hosted collaboration: what, when, where. */
@Schema(name = "HostedEvent", description = "An event held together (共催事業)")
public record HostedEvent(
        @Schema(description = "Id of the event; assigned by the service when absent", format = "uuid", nullable = true)
        UUID eventId,
        @Schema(description = "Its name (事業名)", maxLength = 200, required = true) @NotBlank @Size(max = 200) String name,
        @Schema(description = "First day", format = "date", required = true) @NotNull LocalDate firstDay,
        @Schema(description = "Last day", format = "date", required = true) @NotNull LocalDate lastDay,
        @Schema(description = "Where (会場)", maxLength = 500, nullable = true) @Size(max = 500) String place) {

    HostedEvent withId(UUID id) {
        return new HostedEvent(id, name, firstDay, lastDay, place);
    }
}
