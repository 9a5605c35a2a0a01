package jp.kyodo.platform.web;

import jakarta.ws.rs.core.EntityTag;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * Optimistic locking over HTTP: the ETag of a mutable resource is its version; a write sends it back in
 * {@code If-Match} ({@link IfMatch}). The version is checked again in the database {@code UPDATE}, so a race between
 * two writers that both sent the right ETag still lets only one through.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 412: the version the caller read is no longer the current one. */
    public static ProblemException stale() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                LocalizedText.of("Someone changed this resource since you read it; read it again and retry.",
                        "読み込んだ後に他の利用者が更新しました。再読み込みしてからやり直してください。"));
    }
}
