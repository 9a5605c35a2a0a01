package jp.kyodo.agreement.document;

import java.util.List;
import java.util.UUID;

import jp.kyodo.agreement.domain.content.Party;

/** Who signs a document a version produces. */
public enum SigningParties {
    /** Every party of the version: a contract both sides sign (記名押印 of each party). */
    ALL_PARTIES,
    /** The city alone (its department's signatory): a notice or approval the city issues to the partner. */
    CITY_ALONE;

    /** The organisations among the version's parties whose signatures complete the document, in their order. */
    public List<UUID> among(List<Party> parties) {
        return parties.stream().filter(p -> this == ALL_PARTIES || p.isCityDepartment()).map(Party::organizationId)
                .distinct().toList();
    }
}
