package jp.kyodo.agreement.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.ActorType;

/** Who signs each kind of document, and the dates documents print. */
class DocumentKindTest {

    private final Party department = new Party(UUID.randomUUID(), "市民協働推進課", ActorType.CITY_DEPARTMENT, null, null);
    private final Party npo = new Party(UUID.randomUUID(), "NPO法人 みどりの会", ActorType.CIVIC_GROUP, null, null);
    private final Party association = new Party(UUID.randomUUID(), "本町自治会", ActorType.COMMUNITY_ASSOCIATION, null,
            null);

    @Test
    void contractsAreSignedByEveryPartyAndWhatTheCityIssuesByTheCityAlone() {
        List<Party> parties = List.of(npo, department, association);
        assertThat(DocumentKind.AGREEMENT_DEED.signers().among(parties))
                .containsExactly(npo.organizationId(), department.organizationId(), association.organizationId());
        assertThat(DocumentKind.COMMISSION_CONTRACT.signers().among(parties)).hasSize(3);
        for (DocumentKind notice : List.of(DocumentKind.GRANT_DECISION_NOTICE, DocumentKind.AMOUNT_FIXING_NOTICE,
                DocumentKind.ENDORSEMENT_APPROVAL)) {
            assertThat(notice.signers().among(parties)).as(notice.titleJa()).containsExactly(department.organizationId());
        }
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(kind.titleJa()).as(kind.name()).endsWith("書");
            assertThat(kind.signers().among(parties)).as(kind.name()).contains(department.organizationId());
        }
    }

    @Test
    void documentsPrintDatesInTheJapaneseEra() {
        assertThat(DocumentRenderer.date(LocalDate.of(2024, 4, 1))).isEqualTo("令和6年4月1日");
        assertThat(DocumentRenderer.date(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(DocumentRenderer.date(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(DocumentRenderer.date(null)).isEmpty();
    }
}
