package jp.kyodo.notification.api;

import jp.kyodo.platform.problem.ProblemException;

/** A task's action code as a query parameter ({@code SIGN_AGREEMENT}); anything else is a 400 naming the parameter. */
public record ActionCode(String value) {

    public ActionCode {
        if (value == null || !value.matches("^[A-Z][A-Z0-9_]{0,63}$")) {
            throw ProblemException.invalidField("kind", "A task kind is an upper-case code such as SIGN_AGREEMENT.",
                    "タスクの種類は SIGN_AGREEMENT のような英大文字のコードで指定してください。");
        }
    }
}
