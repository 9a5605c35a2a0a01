package jp.kyodo.directory.readmodel;

/** A person's role in an organisation. */
public enum MemberRole {
    /** 代表者: acts and signs for a non-city organisation. */
    REPRESENTATIVE,
    /** 決裁権者: signs for a city department, possibly up to an amount limit. */
    SIGNATORY,
    /** 職員・スタッフ: works for the organisation; a partner system's service account has this role. */
    STAFF,
    /** 会員: belongs to the organisation. */
    MEMBER
}
