package jp.kyodo.directory.domain;

/** The four requirements (提案者の要件) an organisation must meet before it may propose or sign. */
public enum EligibilityRequirement {
    /** 会則・規約等を有する: it has articles or rules of association. */
    ARTICLES_OF_ASSOCIATION,
    /** 市内に事務所・活動拠点がある: it has an office or base in the city. */
    OFFICE_IN_CITY,
    /** 適正な会計処理: it keeps proper accounts. */
    PROPER_ACCOUNTS,
    /** 政治・宗教・暴力団を目的としない: it declares no political, religious or organised-crime purpose. */
    NO_POLITICAL_RELIGIOUS_OR_CRIMINAL_PURPOSE
}
