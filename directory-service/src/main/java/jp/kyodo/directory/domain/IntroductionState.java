package jp.kyodo.directory.domain;

/** An introduction waits for the talent's answer; accepted, their contact is shared; declined, nothing is. */
public enum IntroductionState {
    REQUESTED, ACCEPTED, DECLINED
}
