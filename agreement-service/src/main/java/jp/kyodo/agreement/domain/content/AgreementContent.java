package jp.kyodo.agreement.domain.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * What an agreement states, as the ordinance requires: form, purpose, how the work proceeds, the parties and the
 * split of roles, costs and responsibilities, outcome ownership, term, schedule, targets and further clauses. The
 * working copy and every frozen version hold one of these.
 */
@Schema(name = "AgreementContent", description = "Content of an agreement (協定書の内容): the working copy or a frozen version")
public record AgreementContent(
        @Schema(description = "Title (事業名)") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Form of collaboration (協働の形態)") @NotNull CollaborationForm form,
        @Schema(description = "Activity area (協働の領域): B citizen-led, C equal, D city-led") @NotNull
        ActivityArea activityArea,
        @Schema(description = "Field of activity (活動分野)") @NotNull FieldOfActivity field,
        @Schema(description = "The local issue addressed (地域課題)", nullable = true) @Size(max = 4000) String localIssue,
        @Schema(description = "Purpose (事業目的); required before signature", nullable = true) @Size(max = 4000) String purpose,
        @Schema(description = "How the work proceeds (事業の進め方); required before signature", nullable = true) @Size(max = 8000)
        String approach,
        @Schema(description = "Who benefits (受益者)", nullable = true) @Size(max = 2000) String beneficiaries,
        @Schema(description = "Expected effects (期待される効果)", nullable = true) @Size(max = 4000) String expectedEffects,
        @Schema(description = "Term (協定期間)") @NotNull @Valid Term term,
        @Schema(description = "Parties (当事者): at least one city department and one other actor") @NotNull
        @Size(min = 1, max = 50) List<@Valid @NotNull Party> parties,
        @Schema(description = "Tasks (役割分担), each with one responsible party", nullable = true) List<@Valid @NotNull Task> tasks,
        @Schema(description = "Split of costs (費用分担)", nullable = true) @Valid CostPlan costs,
        @Schema(description = "Responsibilities (責任分担): insurance, personal data, accidents", nullable = true) List<@Valid @NotNull Liability> liabilities,
        @Schema(description = "Deliverables and their outcome ownership (成果の帰属)", nullable = true) List<@Valid @NotNull Deliverable> deliverables,
        @Schema(description = "Milestones and reflection points (工程・振り返り)", nullable = true) List<@Valid @NotNull Milestone> milestones,
        @Schema(description = "Targets (目標) the evaluation measures", nullable = true) @Valid Targets targets,
        @Schema(description = "Further clauses (その他の条項)", nullable = true) List<@Valid @NotNull Clause> clauses,
        @Schema(description = "What the form of collaboration adds (形態ごとの取決め): one shape per form, its form the "
                + "content's form; what each form requires before the version is frozen is listed in readiness",
                nullable = true)
        @Valid FormTerms terms,
        @Schema(description = "Files attached when the version was frozen (別添), with their SHA-256; filled in by"
                + " the service from the working copy's attachments", readOnly = true, nullable = true)
        List<AttachedFile> attachments) {

    public AgreementContent {
        parties = parties == null ? List.of() : parties;
        tasks = tasks == null ? List.of() : tasks;
        costs = costs == null ? CostPlan.empty() : costs;
        liabilities = liabilities == null ? List.of() : liabilities;
        deliverables = deliverables == null ? List.of() : deliverables;
        milestones = milestones == null ? List.of() : milestones;
        targets = targets == null ? Targets.none() : targets;
        clauses = clauses == null ? List.of() : clauses;
        attachments = attachments == null ? List.of() : attachments;
    }

    public Optional<Party> party(UUID organizationId) {
        return parties.stream().filter(p -> p.organizationId().equals(organizationId)).findFirst();
    }

    public boolean hasParty(UUID organizationId) {
        return party(organizationId).isPresent();
    }

    public List<UUID> partyIds() {
        return parties.stream().map(Party::organizationId).toList();
    }

    public List<Party> departments() {
        return parties.stream().filter(Party::isCityDepartment).toList();
    }

    /** Every item gets a stable id, so that versions can be compared item by item and milestones referred to. */
    public AgreementContent withIdsAssigned(Supplier<UUID> ids) {
        return new AgreementContent(title, form, activityArea, field, localIssue, purpose, approach, beneficiaries,
                expectedEffects, term, parties,
                assign(tasks, Task::taskId, t -> t.withId(ids.get())),
                new CostPlan(costs.consumptionTaxIncluded(),
                        assign(costs.lines(), CostLine::lineId, l -> l.withId(ids.get())),
                        assign(costs.inKind(), InKindContribution::contributionId, c -> c.withId(ids.get())),
                        costs.declaredCityShareYen()),
                assign(liabilities, Liability::liabilityId, l -> l.withId(ids.get())),
                assign(deliverables, Deliverable::deliverableId, d -> d.withId(ids.get())),
                assign(milestones, Milestone::milestoneId, m -> m.withId(ids.get())),
                new Targets(assign(targets.indicators(), Indicator::indicatorId, i -> i.withId(ids.get())),
                        assign(targets.outcomeGoals(), OutcomeGoal::goalId, g -> g.withId(ids.get())),
                        targets.satisfactionTarget()),
                assign(clauses, Clause::clauseId, c -> c.withId(ids.get())),
                terms == null ? null : terms.withIdsAssigned(ids), attachments);
    }

    /** The form's terms if they are of the given shape (they are, when present, for the content's form). */
    public <T extends FormTerms> Optional<T> terms(Class<T> shape) {
        return shape.isInstance(terms) ? Optional.of(shape.cast(terms)) : Optional.empty();
    }

    /** The parties as the directory describes them now (name and actor type). */
    public AgreementContent withPartiesDescribed(Map<UUID, Party> described) {
        return new AgreementContent(title, form, activityArea, field, localIssue, purpose, approach, beneficiaries,
                expectedEffects, term, parties.stream().map(p -> {
                    Party d = described.get(p.organizationId());
                    return d == null ? p : p.describedAs(d.name(), d.actorType());
                }).toList(), tasks, costs, liabilities, deliverables, milestones, targets, clauses, terms,
                attachments);
    }

    /** The content as frozen with these files attached (the working copy never lists them itself). */
    public AgreementContent withAttachments(List<AttachedFile> files) {
        return new AgreementContent(title, form, activityArea, field, localIssue, purpose, approach, beneficiaries,
                expectedEffects, term, parties, tasks, costs, liabilities, deliverables, milestones, targets, clauses,
                terms, files);
    }

    private static <T> List<T> assign(List<T> items, Function<T, UUID> id, Function<T, T> withNewId) {
        return items.stream().map(item -> id.apply(item) == null ? withNewId.apply(item) : item).toList();
    }
}
