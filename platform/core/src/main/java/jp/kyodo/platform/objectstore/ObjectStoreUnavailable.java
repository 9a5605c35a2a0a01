package jp.kyodo.platform.objectstore;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/** The object store could not be reached: 503 with Retry-After, and nothing of the request is kept. */
public class ObjectStoreUnavailable extends ProblemException {

    public ObjectStoreUnavailable(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, LocalizedText.of("The file store is not reachable; try again shortly.",
                "ファイル保管庫に接続できません。しばらくしてから再度お試しください。"));
        initCause(cause);
    }
}
