package jp.kyodo.agreement.domain.content.terms;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * Co-hosting (共催) or an executive committee (実行委員会): the co-organisers are the parties (their roles the tasks and
 * role descriptions), the joint budget is the cost plan (each side's burden), and the events are listed here. An
 * executive committee also has its rules (規約).
 */
@Schema(name = "CoHostingTerms", description = "Terms of a 実行委員会・共催 (CO_HOSTING): the events and, for an executive "
        + "committee, its name and rules; the co-organisers are the parties, the joint budget the cost plan")
public record CoHostingTerms(
        @Schema(description = "CO_HOSTING", enumeration = "CO_HOSTING", required = true) @NotNull CollaborationForm form,
        @Schema(description = "EXECUTIVE_COMMITTEE (実行委員会) or CO_HOSTING (共催); required before the version is frozen",
                nullable = true)
        HostingArrangement arrangement,
        @Schema(description = "The executive committee's name (実行委員会の名称)", maxLength = 200, nullable = true)
        @Size(max = 200) String committeeName,
        @Schema(description = "The executive committee's rules (規約), as a document; required for an executive "
                + "committee before the version is frozen", maxLength = 20000, nullable = true)
        @Size(max = 20000) String committeeRules,
        @Schema(description = "The events held together (at least one before the version is frozen)", nullable = true)
        @Size(max = 50) List<@Valid @NotNull HostedEvent> events) implements FormTerms {

    public CoHostingTerms {
        events = events == null ? List.of() : events;
    }

    @Override
    public FormTerms withIdsAssigned(Supplier<UUID> ids) {
        return new CoHostingTerms(form, arrangement, committeeName, committeeRules,
                events.stream().map(e -> e.eventId() == null ? e.withId(ids.get()) : e).toList());
    }
}
