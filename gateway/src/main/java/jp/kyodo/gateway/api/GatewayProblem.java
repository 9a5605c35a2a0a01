package jp.kyodo.gateway.api;

/**
 * Every error the gateway itself answers with, in both languages. The {@code type} slug is the stable
 * contract clients match on; titles and details are for people.
 */
public enum GatewayProblem {

    TOKEN_INVALID("unauthenticated", 401,
            "Authentication required", "認証が必要です",
            "The bearer token is not valid (signature, expiry, issuer or audience check failed).",
            "アクセストークンが無効です（署名・有効期限・発行者・対象者のいずれかの検証に失敗しました）。"),

    TOKEN_REQUIRED("unauthenticated", 401,
            "Authentication required", "認証が必要です",
            "Changing data requires a bearer token; sign in and send it in the Authorization header.",
            "データを変更するにはアクセストークンが必要です。ログインして Authorization ヘッダーで送信してください。"),

    TOKEN_CHECK_UNAVAILABLE("authentication-unavailable", 503,
            "Authentication temporarily unavailable", "認証を一時的に確認できません",
            "The token cannot be checked right now because the identity provider is unreachable. Please try again later.",
            "認証サーバーに接続できないため、現在アクセストークンを確認できません。しばらくしてから再度お試しください。"),

    SIGN_IN_REQUIRED("unauthenticated", 401,
            "Authentication required", "認証が必要です",
            "This list is personal: sign in and send your bearer token in the Authorization header.",
            "この一覧は本人向けです。ログインして Authorization ヘッダーでアクセストークンを送信してください。"),

    CASE_NOT_FOUND("not-found", 404,
            "Not found", "見つかりません",
            "There is no proposal %s, or you may not see it.",
            "提案 %s は存在しないか、閲覧する権限がありません。"),

    METHOD_NOT_ALLOWED("method-not-allowed", 405,
            "Method not allowed", "このメソッドは使用できません",
            "This resource can only be read (GET).",
            "このリソースは読み取り（GET）のみ可能です。"),

    ASSEMBLY_TIMEOUT("upstream-timeout", 504,
            "Gateway timeout", "時間内に応答を組み立てられませんでした",
            "The answer could not be assembled in time.",
            "制限時間内に応答を組み立てられませんでした。"),

    NOTHING_HERE("not-found", 404,
            "Not found", "見つかりません",
            "There is nothing at this address. The API is under /api; its description is at /q/openapi.",
            "このアドレスには何もありません。API は /api 以下にあり、その説明は /q/openapi にあります。"),

    METHOD_NOT_ALLOWED_HERE("method-not-allowed", 405,
            "Method not allowed", "このメソッドは使用できません",
            "This address does not answer %s; the Allow header lists what it does answer.",
            "このアドレスは %s を受け付けません。使用できるメソッドは Allow ヘッダーのとおりです。"),

    URI_TOO_LONG("uri-too-long", 414,
            "Request URI too long", "リクエスト URI が長すぎます",
            "The request line is longer than the %s characters the gateway accepts; send long filters in fewer or "
                    + "shorter query parameters.",
            "リクエスト行がゲートウェイの上限（%s 文字）を超えています。クエリパラメーターを減らすか短くしてください。"),

    HEADERS_TOO_LARGE("request-header-fields-too-large", 431,
            "Request header fields too large", "リクエストヘッダーが大きすぎます",
            "The request's headers together are larger than the %s the gateway accepts.",
            "リクエストヘッダーの合計がゲートウェイの上限（%s）を超えています。"),

    NO_ROUTE("not-found", 404,
            "Not found", "見つかりません",
            "No service handles this path.",
            "このパスを扱うサービスはありません。"),

    BAD_GATEWAY("bad-gateway", 502,
            "Bad gateway", "上流サービスとの通信に失敗しました",
            "The %s service gave no usable response.",
            "%s サービスから有効な応答を得られませんでした。"),

    UPSTREAM_UNAVAILABLE("upstream-unavailable", 503,
            "Service unavailable", "サービスを利用できません",
            "The %s service cannot be reached right now. Please try again later.",
            "現在 %s サービスに接続できません。しばらくしてから再度お試しください。"),

    UPSTREAM_TIMEOUT("upstream-timeout", 504,
            "Gateway timeout", "サービスが時間内に応答しませんでした",
            "The %s service did not answer in time.",
            "%s サービスが制限時間内に応答しませんでした。"),

    UPSTREAM_CIRCUIT_OPEN("upstream-unavailable", 503,
            "Service unavailable", "サービスを利用できません",
            "The %s service cannot be reached right now; after repeated failures the gateway pauses calls to it"
                    + " for a short while. Please try again later.",
            "現在 %s サービスに接続できません。障害が続いているため、ゲートウェイは一時的に呼び出しを止めています。"
                    + "しばらくしてから再度お試しください。"),

    TOO_MANY_REQUESTS("too-many-requests", 429,
            "Too many requests", "リクエストが多すぎます",
            "This client has sent too many requests in a short time. Wait for the time given in Retry-After and try again.",
            "短時間に送信されたリクエストが多すぎます。Retry-After に示された時間だけ待ってから再度お試しください。"),

    PAYLOAD_TOO_LARGE("payload-too-large", 413,
            "Request body too large", "リクエスト本文が大きすぎます",
            "The request body is larger than the %s the gateway accepts.",
            "リクエスト本文がゲートウェイの上限（%s）を超えています。"),

    INTERNAL_ERROR("internal-error", 500,
            "Internal error", "内部エラー",
            "The gateway failed unexpectedly. Quote the request id when reporting this.",
            "ゲートウェイで予期しないエラーが発生しました。お問い合わせの際はリクエスト ID をお知らせください。");

    private static final String TYPE_PREFIX = "urn:kyodo:problem:";

    private final String slug;
    private final int status;
    private final String titleEn;
    private final String titleJa;
    private final String detailEn;
    private final String detailJa;

    GatewayProblem(String slug, int status, String titleEn, String titleJa, String detailEn, String detailJa) {
        this.slug = slug;
        this.status = status;
        this.titleEn = titleEn;
        this.titleJa = titleJa;
        this.detailEn = detailEn;
        this.detailJa = detailJa;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    /**
     * @param detailArgs fills the {@code %s} of details that name a service
     */
    public Problem toProblem(Language language, String requestId, Object... detailArgs) {
        boolean ja = language == Language.JA;
        String detail = String.format(ja ? detailJa : detailEn, detailArgs);
        return new Problem(type(), ja ? titleJa : titleEn, status, detail, requestId, language);
    }
}
