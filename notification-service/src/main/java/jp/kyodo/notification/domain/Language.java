package jp.kyodo.notification.domain;

/** The language of a person's mail. */
public enum Language {
    ja, en
}
