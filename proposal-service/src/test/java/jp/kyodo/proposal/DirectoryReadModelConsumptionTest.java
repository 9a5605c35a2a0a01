package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;

/**
 * Issue 2: directory-service publishes an organisation-registered event and proposal-service consumes it into its
 * local read model of organisations, with the real broker.
 */
@QuarkusTest
class DirectoryReadModelConsumptionTest extends ProposalTestSupport {

    @Inject
    DirectoryReadModel directory;

    @Test
    void anOrganizationRegisteredEventOnTheBrokerAppearsInTheReadModelAndARedeliveryChangesNothing() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sendDirectoryEvent("organization.registered", id, 1, ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED,
                Map.of(PARTNER1, MemberRole.REPRESENTATIVE, PARTNER2, MemberRole.STAFF), eventId);

        KnownOrganization known = QuarkusTransaction.requiringNew().call(() -> {
            KnownOrganization o = directory.organization(id).orElseThrow();
            o.memberships.size();
            return o;
        });
        assertThat(known.status).isEqualTo(OrganizationStatus.VERIFIED);
        assertThat(known.type).isEqualTo(ActorType.CIVIC_GROUP);
        assertThat(known.version).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> directory.isMember(PARTNER1, id)
                && directory.hasRole(PARTNER2, id, MemberRole.STAFF))).isTrue();

        // The same event again (a redelivery after a consumer restart), then a newer event of the same organisation:
        // the partition is consumed in order, so once version 2 is applied the redelivery has been handled.
        sendDirectoryEvent("organization.registered", id, 1, ActorType.CIVIC_GROUP, OrganizationStatus.SUSPENDED,
                Map.of(), eventId);
        sendDirectoryEvent("organization.updated", id, 2, ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED,
                Map.of(PARTNER1, MemberRole.REPRESENTATIVE, PARTNER2, MemberRole.STAFF), UUID.randomUUID().toString());

        assertThat(count("select count(*) from kyodo_inbox where event_id = ?", eventId))
                .as("the redelivered event is recorded once").isEqualTo(1);
        assertThat(count("select count(*) from kyodo_inbox where subject = ?", id.toString()))
                .as("two distinct events of the organisation, the redelivery not among them").isEqualTo(2);
        assertThat(count("select count(*) from kyodo_inbox where subject = ? and outcome <> 'APPLIED'", id.toString()))
                .isZero();
        assertThat(count("select count(*) from directory_membership where organization_id = ?", id)).isEqualTo(2);
    }

    @Test
    void aSuspensionWithANewerVersionReplacesWhatIsKnown() {
        UUID id = organization(ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED, Map.of(PARTNER1, MemberRole.MEMBER));
        sendDirectoryEvent("organization.suspended", id, 2, ActorType.CIVIC_GROUP, OrganizationStatus.SUSPENDED,
                Map.of(PARTNER1, MemberRole.MEMBER), UUID.randomUUID().toString());
        assertThat(QuarkusTransaction.requiringNew().call(() -> directory.organization(id).orElseThrow().status))
                .isEqualTo(OrganizationStatus.SUSPENDED);
    }
}
