package jp.kyodo.agreement.document;

/** Who signs a document a version produces. */
public enum SigningParties {
    /** Every party of the version: a contract both sides sign (記名押印 of each party). */
    ALL_PARTIES,
    /** The city alone (its department's signatory): a notice or approval the city issues to the partner. */
    CITY_ALONE
}
