package jp.kyodo.platform.problem;

/**
 * A kind of problem with a stable identifier (RFC 9457 {@code type}: {@code urn:kyodo:problem:<slug>}), its HTTP
 * status and a short title. Services declare their own types next to the rules that raise them.
 */
public record ProblemType(String slug, int status, LocalizedText title) {

    public static final ProblemType VALIDATION_FAILED = of("validation-failed", 400,
            "The request has invalid fields", "リクエストの項目に誤りがあります");
    public static final ProblemType MALFORMED_REQUEST = of("malformed-request", 400,
            "The request cannot be read", "リクエストを読み取れません");
    public static final ProblemType UNAUTHENTICATED = of("unauthenticated", 401,
            "Authentication is required", "認証が必要です");
    public static final ProblemType FORBIDDEN = of("forbidden", 403,
            "Not allowed", "この操作は許可されていません");
    public static final ProblemType NOT_FOUND = of("not-found", 404,
            "Not found", "見つかりません");
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", 405,
            "Method not allowed", "このメソッドは使用できません");
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", 406,
            "No acceptable representation", "要求された形式では応答できません");
    public static final ProblemType CONFLICT = of("conflict", 409,
            "Conflict with the current state", "現在の状態と矛盾します");
    public static final ProblemType INVALID_TRANSITION = of("invalid-transition", 409,
            "This change of state is not allowed now", "現在の状態ではこの状態変更はできません");
    public static final ProblemType PRECONDITION_FAILED = of("precondition-failed", 412,
            "The resource was changed by someone else", "他の利用者によって更新されています");
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", 413,
            "The request is too large", "リクエストが大きすぎます");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type", 415,
            "Unsupported content type", "サポートされていないコンテンツタイプです");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused", 422,
            "The idempotency key was used for a different request", "この冪等キーは別のリクエストで使用済みです");
    public static final ProblemType PRECONDITION_REQUIRED = of("precondition-required", 428,
            "If-Match is required", "If-Match ヘッダーが必要です");
    public static final ProblemType TOO_MANY_REQUESTS = of("too-many-requests", 429,
            "Too many requests", "リクエストが多すぎます");
    public static final ProblemType INTERNAL_ERROR = of("internal-error", 500,
            "Internal error", "内部エラーが発生しました");
    public static final ProblemType SERVICE_UNAVAILABLE = of("service-unavailable", 503,
            "Temporarily unavailable", "一時的に利用できません");

    public static ProblemType of(String slug, int status, String titleEn, String titleJa) {
        return new ProblemType(slug, status, LocalizedText.of(titleEn, titleJa));
    }

    public String uri() {
        return "urn:kyodo:problem:" + slug;
    }
}
