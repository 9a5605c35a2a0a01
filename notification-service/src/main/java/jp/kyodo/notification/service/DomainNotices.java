package jp.kyodo.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.notification.domain.KnownProposal;
import jp.kyodo.notification.domain.NoticeKind;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;

/**
 * Decisions worth telling the organisations they concern: a proposal adopted or not (its proposers), an agreement in
 * force (its parties), an evaluation published (its parties), an organisation verified (its members). The notice
 * names the thing and the organisation, and links to it; what was decided is read there, as each service allows.
 */
@ApplicationScoped
public class DomainNotices {

    static final String PROPOSAL_EVENTS = "jp.kyodo.proposal.";
    static final String SUBMITTED = EventTypes.of("proposal.submitted");
    static final String REVISED = EventTypes.of("proposal.revised");
    static final String ADOPTED = EventTypes.of("proposal.adopted");
    static final String NOT_ADOPTED = EventTypes.of("proposal.not-adopted");
    static final String ACTIVATED = EventTypes.of("agreement.activated");
    static final String PUBLISHED = EventTypes.of("evaluation.published");
    static final String VERIFIED = EventTypes.of("organization.verified");

    @Inject
    DirectoryReadModel directory;

    @Inject
    Notices notices;

    public void directory(IncomingEvent event) {
        directory.apply(event);
        if (VERIFIED.equals(event.type())) {
            JsonNode org = event.payload(JsonNode.class);
            UUID id = UUID.fromString(org.path("organizationId").asText());
            String name = org.path("name").asText();
            tellMembers(List.of(id), event, "団体「" + name + "」の登録内容の確認が完了しました",
                    "The city verified the organisation “" + name + "”", "/api/directory/organizations/" + id);
        }
    }

    public void proposal(IncomingEvent event) {
        if (!event.type().startsWith(PROPOSAL_EVENTS)) {
            // The topic also carries themes, committees, public comment and the desk: nothing to tell anyone here.
            return;
        }
        JsonNode p = event.payload(JsonNode.class);
        UUID proposalId = UUID.fromString(p.path("proposalId").asText());
        if (SUBMITTED.equals(event.type()) || REVISED.equals(event.type()) || ADOPTED.equals(event.type())) {
            remember(proposalId, p);
        }
        KnownProposal known = KnownProposal.findById(proposalId);
        if (known == null) {
            return;
        }
        String link = "/api/proposals/" + proposalId;
        if (ADOPTED.equals(event.type())) {
            tellMembers(List.of(known.proposerIds), event, "提案「" + known.title + "」が採択されました",
                    "The proposal “" + known.title + "” was adopted", link);
        } else if (NOT_ADOPTED.equals(event.type())) {
            tellMembers(List.of(known.proposerIds), event, "提案「" + known.title + "」の審査結果をお知らせします",
                    "The screening result of the proposal “" + known.title + "” is available", link);
        }
    }

    public void agreement(IncomingEvent event) {
        if (!ACTIVATED.equals(event.type())) {
            return;
        }
        JsonNode a = event.payload(JsonNode.class);
        String title = a.path("title").asText();
        tellMembers(ids(a.path("parties"), "organizationId"), event, "協定「" + title + "」が締結されました",
                "The agreement “" + title + "” is in force", "/api/agreements/" + a.path("agreementId").asText());
    }

    public void evaluation(IncomingEvent event) {
        if (!PUBLISHED.equals(event.type())) {
            return;
        }
        JsonNode e = event.payload(JsonNode.class);
        String title = e.path("title").asText();
        boolean interim = "INTERIM".equals(e.path("kind").asText());
        int year = e.path("fiscalYear").asInt();
        tellMembers(ids(e.path("assessments"), "organizationId"), event,
                "「" + title + "」の" + (interim ? "中間評価" : "事後評価") + "（" + year + "年度）が公表されました",
                "The " + (interim ? "interim" : "final") + " evaluation of “" + title + "” (fiscal year " + year
                        + ") was published",
                "/api/evaluations/published/" + e.path("roundId").asText());
    }

    private void remember(UUID proposalId, JsonNode p) {
        KnownProposal known = KnownProposal.findById(proposalId);
        if (known == null) {
            known = new KnownProposal();
            known.id = proposalId;
        }
        if (p.hasNonNull("title")) {
            known.title = p.path("title").asText();
        }
        if (p.has("proposingOrganizationIds")) {
            known.proposerIds = ids(p.path("proposingOrganizationIds"), null).toArray(UUID[]::new);
        }
        if (p.hasNonNull("departmentId")) {
            known.departmentId = UUID.fromString(p.path("departmentId").asText());
        }
        if (known.title != null && known.proposerIds != null) {
            known.persist();
        }
    }

    /** Every member of each organisation, once per person, for this event. */
    private void tellMembers(List<UUID> organizations, IncomingEvent event, String titleJa, String titleEn, String link) {
        for (UUID organizationId : organizations) {
            Set<String> members = new LinkedHashSet<>();
            directory.organization(organizationId).ifPresent(o -> o.memberships.stream().map(m -> m.subject)
                    .forEach(members::add));
            for (String member : members) {
                notices.tell(member, new Notices.Notice(NoticeKind.DECISION, event.type() + ":" + event.subject(), null,
                        titleJa, titleEn, link, null, organizationId));
            }
        }
    }

    private static List<UUID> ids(JsonNode array, String field) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(item -> {
            JsonNode value = field == null ? item : item.path(field);
            if (value.isTextual()) {
                ids.add(UUID.fromString(value.asText()));
            }
        });
        return ids;
    }
}
