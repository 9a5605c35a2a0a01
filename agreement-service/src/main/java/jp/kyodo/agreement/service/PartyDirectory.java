package jp.kyodo.agreement.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;

/** The parties as the directory read model knows them: existence, name and actor type. */
@ApplicationScoped
public class PartyDirectory {

    @Inject
    DirectoryReadModel directory;

    @Inject
    EntityManager entityManager;

    /** The content with every party described from the directory; 400 naming each party the directory lacks. */
    public AgreementContent describeAll(AgreementContent content, String fieldPrefix) {
        List<FieldError> unknown = new ArrayList<>();
        Map<UUID, Party> described = new LinkedHashMap<>();
        for (int i = 0; i < content.parties().size(); i++) {
            Party party = content.parties().get(i);
            KnownOrganization known = directory.organization(party.organizationId()).orElse(null);
            if (known == null) {
                unknown.add(FieldError.of(fieldPrefix + "parties[" + i + "].organizationId",
                        "No such organisation in the directory.", "名簿に登録されていない団体です。"));
            } else {
                described.put(party.organizationId(), party.describedAs(known.name, known.type));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidFields(unknown);
        }
        return content.withPartiesDescribed(described);
    }

    /** Describes the parties the directory knows and leaves the others for the negotiation to settle. */
    public AgreementContent describeKnown(AgreementContent content) {
        Map<UUID, Party> described = new LinkedHashMap<>();
        for (Party party : content.parties()) {
            directory.organization(party.organizationId())
                    .ifPresent(known -> described.put(party.organizationId(), party.describedAs(known.name, known.type)));
        }
        return content.withPartiesDescribed(described);
    }

    /** Remembers that these organisations are parties, so that their members find the agreement. */
    public void index(UUID agreementId, List<UUID> organizationIds) {
        for (UUID organizationId : organizationIds) {
            entityManager.createNativeQuery("""
                    insert into agreement_party (agreement_id, organization_id) values (?1, ?2) on conflict do nothing
                    """).setParameter(1, agreementId).setParameter(2, organizationId).executeUpdate();
        }
    }

    public boolean isMemberOfAnyParty(String subject, UUID agreementId) {
        Number count = (Number) entityManager.createNativeQuery("""
                select count(*) from agreement_party p
                  join directory_membership m on m.organization_id = p.organization_id
                 where p.agreement_id = ?1 and m.subject = ?2
                """).setParameter(1, agreementId).setParameter(2, subject).getSingleResult();
        return count.longValue() > 0;
    }
}
