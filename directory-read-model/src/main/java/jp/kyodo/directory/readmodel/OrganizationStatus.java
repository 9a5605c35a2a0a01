package jp.kyodo.directory.readmodel;

/** Eligibility status (提案者の要件の確認): only VERIFIED organisations may propose or sign. */
public enum OrganizationStatus {
    UNVERIFIED, VERIFIED, SUSPENDED
}
