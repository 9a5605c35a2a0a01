package jp.kyodo.proposal.domain.intake;

public enum IntakeStatus {
    OPEN, CLOSED
}
