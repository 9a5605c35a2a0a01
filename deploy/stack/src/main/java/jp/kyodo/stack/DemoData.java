package jp.kyodo.stack;

import jp.kyodo.stack.DemoUserClient.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data for a freshly started local system. {@link LocalStack} calls {@link #load(Stack)} once every service is
 * ready, before it prints the URLs.
 *
 * <p>Everything goes through the gateway's public API with tokens of the realm's demo users, exactly as the city's
 * front-ends and the partners' systems would do it, so the data set also exercises the cross-service events:
 * <ul>
 *   <li>the department 市民協働推進課, registered by staff1 (its first member), with signer1 as its signatory
 *       (決裁権者, up to 5,000,000 yen);</li>
 *   <li>NPO法人みどりの森, verified, partner1 its representative and the partner system's service account its staff;</li>
 *   <li>a neighbourhood association (自治会), verified, and a business, registered and awaiting verification;</li>
 *   <li>a collaboration theme of the department, open for applications, and partner1's proposal answering it,
 *       submitted for the NPO.</li>
 * </ul>
 *
 * <p>Idempotent: the data folder persists between runs, so each item is looked up first (by name, or by title within
 * its theme) and only what is missing is created. One line is printed per item. A failure is reported and leaves
 * the system running: the demo data is a convenience, not part of the system.
 */
public final class DemoData {

    static final String DEPARTMENT = "市民協働推進課";
    static final String NPO = "NPO法人みどりの森";
    static final String NEIGHBOURHOOD_ASSOCIATION = "本町一丁目自治会";
    static final String BUSINESS = "株式会社みなとグリーンサービス";
    static final String THEME = "市民公園の協働管理";
    static final String PROPOSAL = "市民公園の花壇づくりと見守り";

    /** Made-up numbers with a valid check digit (not the README's example, which its tour registers). */
    static final String NPO_CORPORATE_NUMBER = corporateNumber("010401123456");
    static final String BUSINESS_CORPORATE_NUMBER = corporateNumber("020001765432");

    static final String SIGNER1 = "a0000000-0000-4000-8000-000000000003";
    static final String PARTNER1 = "a0000000-0000-4000-8000-000000000008";
    static final String PARTNER_SYSTEM_ACCOUNT = "a0000000-0000-4000-8000-000000000011";
    static final long SIGNATORY_LIMIT_YEN = 5_000_000L;
    static final long THEME_CEILING_YEN = 3_000_000L;
    static final long CITY_SHARE_YEN = 1_000_000L;

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final List<String> ELIGIBILITY = List.of("ARTICLES_OF_ASSOCIATION", "OFFICE_IN_CITY",
            "PROPER_ACCOUNTS", "NO_POLITICAL_RELIGIOUS_OR_CRIMINAL_PURPOSE");

    private final String gateway;
    private final DemoUserClient client;

    private DemoData(String gateway, String issuer) {
        this.gateway = gateway;
        this.client = new DemoUserClient(issuer);
    }

    /** Loads whatever part of the demo data is not there yet, printing one line per item. */
    public static void load(Stack stack) {
        DemoData demo = new DemoData(stack.gatewayUrl(), stack.issuerUrl());
        try {
            demo.seed();
        } catch (RuntimeException e) {
            System.out.println("Demo data: stopped, the rest is not loaded: " + e.getMessage());
            System.out.println("Demo data: the system keeps running; service logs are in " + stack.config().logsDir());
        }
    }

    private void seed() {
        String department = department();
        String npo = npo();
        neighbourhoodAssociation();
        business();
        String theme = theme(department);
        proposal(theme, npo, department);
    }

    // ------------------------------------------------------------------------------------------------ directory

    private String department() {
        Optional<JsonNode> existing = findOrganization(DEPARTMENT, "CITY_DEPARTMENT", null);
        // Registered by staff1, who becomes its first member (city staff act for a department only as its members).
        String id = existing.map(o -> o.path("id").asText()).orElseGet(() -> register(organization("CITY_DEPARTMENT",
                DEPARTMENT, "シミンキョウドウスイシンカ", null, "課長 横浜 太郎", "231-0005", "横浜市中区本町6-50-10",
                "045-671-0000", "kyodo@city.example.jp", List.of("TOWN_PLANNING", "COMMUNITY_SAFETY"),
                "市民協働の推進、協働事業提案制度の運営を担当する所管課")));
        boolean signer = ensureMember(id, SIGNER1, "SIGNATORY", SIGNATORY_LIMIT_YEN);
        report("department", DEPARTMENT, id, existing.isEmpty(), "staff1 a member"
                + (signer ? ", signer1 added as signatory" : ", signer1 signatory") + " up to 5,000,000 yen");
        return id;
    }

    private String npo() {
        Optional<JsonNode> existing = findOrganization(NPO, "CIVIC_GROUP", NPO_CORPORATE_NUMBER);
        String id = existing.map(o -> o.path("id").asText()).orElseGet(() -> register(organization("CIVIC_GROUP", NPO,
                "ミドリノモリ", NPO_CORPORATE_NUMBER, "理事長 森 みどり", "231-0023",
                "横浜市中区山下町2-5", "045-000-1234", "info@midori-no-mori.example.org",
                List.of("ENVIRONMENT", "CHILD_REARING", "EDUCATION"),
                "里山と公園の緑を守り、子どもたちの自然体験を企画する特定非営利活動法人")));
        String status = ensureVerified(id);
        ensureMember(id, PARTNER1, "REPRESENTATIVE", null);
        ensureMember(id, PARTNER_SYSTEM_ACCOUNT, "STAFF", null);
        report("organisation", NPO, id, existing.isEmpty(), status
                + ", partner1 representative, partner system's service account staff");
        return id;
    }

    private void neighbourhoodAssociation() {
        Optional<JsonNode> existing = findOrganization(NEIGHBOURHOOD_ASSOCIATION, "COMMUNITY_ASSOCIATION", null);
        String id = existing.map(o -> o.path("id").asText()).orElseGet(() -> register(organization(
                "COMMUNITY_ASSOCIATION", NEIGHBOURHOOD_ASSOCIATION, "ホンチョウイッチョウメジチカイ", null,
                "会長 本田 一郎", "231-0005", "横浜市中区本町1-3", null, null,
                List.of("COMMUNITY_SAFETY", "DISASTER_PREVENTION"), "防犯パトロール、防災訓練、公園清掃を行う自治会")));
        report("organisation", NEIGHBOURHOOD_ASSOCIATION, id, existing.isEmpty(), ensureVerified(id));
    }

    private void business() {
        Optional<JsonNode> existing = findOrganization(BUSINESS, "BUSINESS", BUSINESS_CORPORATE_NUMBER);
        String id = existing.map(o -> o.path("id").asText()).orElseGet(() -> register(organization("BUSINESS",
                BUSINESS, "ミナトグリーンサービス", BUSINESS_CORPORATE_NUMBER, "代表取締役 港 花子",
                "220-0012", "横浜市西区みなとみらい3-6-1", "045-000-5678", "csr@minato-green.example.com",
                List.of("ENVIRONMENT", "TOWN_PLANNING"), "造園と緑化の会社。社会貢献として公園の緑化を支援")));
        String status = existing.map(o -> o.path("status").asText()).orElse("UNVERIFIED");
        report("organisation", BUSINESS, id, existing.isEmpty(), status + " (left for staff to verify)");
    }

    /**
     * The demo's organisation of that name and type: names are not unique (anyone may register another
     * NPO法人みどりの森, as the README's tour does), so a corporate number must match too where the demo gives one, and
     * among several the earliest registered is the demo's.
     */
    private Optional<JsonNode> findOrganization(String name, String type, String corporateNumber) {
        String query = "/api/directory/organizations?type=" + type + "&q=" + enc(name);
        return listAll("staff1", query).stream()
                .filter(o -> name.equals(o.path("name").asText()))
                .filter(o -> corporateNumber == null || corporateNumber.equals(o.path("corporateNumber").asText()))
                .min(Comparator.comparing((JsonNode o) -> OffsetDateTime.parse(o.path("registeredAt").asText())
                        .toInstant()).thenComparing(o -> o.path("id").asText()));
    }

    private String register(Map<String, Object> organization) {
        return call("staff1", "POST", "/api/directory/organizations", organization, null).expect(201).body()
                .path("id").asText();
    }

    /** Adds the member unless they are one already (or the representative's place is taken); true when added. */
    private boolean ensureMember(String organization, String subject, String role, Long amountLimitYen) {
        String path = "/api/directory/organizations/" + organization + "/members";
        for (JsonNode member : call("staff1", "GET", path, null, null).expect(200).body()) {
            // Already a member, or (someone changed it since) the organisation has another representative: keep it.
            if (subject.equals(member.path("subject").asText())
                    || role.equals("REPRESENTATIVE") && role.equals(member.path("role").asText())) {
                return false;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("role", role);
        if (amountLimitYen != null) {
            body.put("amountLimitYen", amountLimitYen);
        }
        call("staff1", "POST", path, body, null).expect(201);
        return true;
    }

    /** Records the four eligibility checks and verifies an unverified organisation; returns its status. */
    private String ensureVerified(String organization) {
        String path = "/api/directory/organizations/" + organization;
        Reply current = call("staff1", "GET", path, null, null).expect(200);
        String status = current.body().path("status").asText();
        if (!"UNVERIFIED".equals(status)) {
            return status;
        }
        String etag = call("staff1", "GET", path + "/eligibility", null, null).expect(200).etag();
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String requirement : ELIGIBILITY) {
            checks.add(Map.of("requirement", requirement, "satisfied", true, "evidence", "デモデータ: 書類確認済み"));
        }
        etag = call("staff1", "PUT", path + "/eligibility", Map.of("checks", checks), etag).expect(200).etag();
        return call("staff1", "POST", path + "/status-changes", Map.of("to", "VERIFIED",
                "reason", "提案者の要件4項目を確認した（デモデータ）"), etag).expect(200).body().path("status").asText();
    }

    private static Map<String, Object> organization(String type, String name, String nameKana, String corporateNumber,
            String representativeName, String postalCode, String address, String phone, String email,
            List<String> fields, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("nameKana", nameKana);
        if (corporateNumber != null) {
            body.put("corporateNumber", corporateNumber);
        }
        body.put("representativeName", representativeName);
        body.put("postalCode", postalCode);
        body.put("address", address);
        Map<String, Object> contact = new LinkedHashMap<>();
        if (phone != null) {
            contact.put("phone", phone);
        }
        if (email != null) {
            contact.put("email", email);
        }
        body.put("contact", contact);
        body.put("contactPublic", !"COMMUNITY_ASSOCIATION".equals(type));
        body.put("fields", fields);
        body.put("description", description);
        return body;
    }

    /** A 法人番号 from twelve base digits: the National Tax Agency's check digit goes in front. */
    static String corporateNumber(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base;
    }

    // ------------------------------------------------------------------------------------------------ proposals

    private String theme(String department) {
        int fiscalYear = nextFiscalYear();
        Optional<JsonNode> existing = listAll(null, "/api/proposals/themes").stream()
                .filter(t -> THEME.equals(t.path("title").asText()) && department.equals(t.path("departmentId").asText()))
                .findFirst();
        if (existing.isPresent()) {
            JsonNode t = existing.get();
            report("theme", THEME, t.path("id").asText(), false, t.path("fiscalYearEraName").asText() + ", "
                    + (t.path("open").asBoolean() ? "open until " + t.path("closesOn").asText() : "window closed"));
            return t.path("id").asText();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departmentId", department);
        body.put("title", THEME);
        body.put("localIssue", "市民公園の利用者が減り、花壇や遊具の見守りの担い手が不足している。"
                + "地域の団体と市が協働して、公園を地域の居場所として育てたい。");
        body.put("fiscalYear", fiscalYear);
        body.put("budgetCeilingYen", THEME_CEILING_YEN);
        body.put("opensAt", Instant.now().minus(Duration.ofDays(1)).toString());
        body.put("closesAt", Instant.now().plus(Duration.ofDays(90)).toString());
        body.put("eligibilityNotes", "市内に活動拠点があり、市の要件確認を受けた団体");
        body.put("field", "ENVIRONMENT");
        // The department reaches proposal-service through the directory's events: retry while it is unknown there.
        JsonNode created = eventually("proposal-service knows " + DEPARTMENT,
                () -> call("staff1", "POST", "/api/proposals/themes", body, null), 403).expect(201).body();
        report("theme", THEME, created.path("id").asText(), true, created.path("fiscalYearEraName").asText()
                + ", ceiling 3,000,000 yen, open until " + created.path("closesOn").asText());
        return created.path("id").asText();
    }

    private void proposal(String theme, String npo, String department) {
        Optional<JsonNode> existing = listAll("partner1", "/api/proposals?themeId=" + theme).stream()
                .filter(p -> PROPOSAL.equals(p.path("title").asText())).findFirst();
        String id;
        if (existing.isPresent()) {
            id = existing.get().path("id").asText();
        } else {
            int fiscalYear = call(null, "GET", "/api/proposals/themes/" + theme, null, null).expect(200).body()
                    .path("fiscalYear").asInt();
            Map<String, Object> body = proposalBody(PROPOSAL, npo, department, theme, fiscalYear);
            // partner1's membership reaches proposal-service through the directory's events.
            id = eventually("proposal-service knows partner1 acts for " + NPO,
                    () -> call("partner1", "POST", "/api/proposals", body, null), 403).expect(201).body()
                    .path("id").asText();
        }
        Reply read = call("partner1", "GET", "/api/proposals/" + id, null, null).expect(200);
        JsonNode proposal = read.body();
        if ("DRAFT".equals(proposal.path("status").asText())) {
            proposal = eventually("proposal-service sees " + NPO + " verified",
                    () -> call("partner1", "POST", "/api/proposals/" + id + "/submission",
                            Map.of("actingFor", npo, "consentToCaseArchive", true), read.etag()), 403)
                    .expect(200).body();
        }
        report("proposal", PROPOSAL, id, existing.isEmpty(), proposal.path("status").asText()
                + (proposal.path("referenceNumberJa").isTextual() ? ", " + proposal.path("referenceNumberJa").asText() : "")
                + ", by partner1 for " + NPO);
    }

    /** The fiscal year (年度, April to March, Japan time) after the current one: the year themes are called for. */
    static int nextFiscalYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        return (today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1) + 1;
    }

    /** Every item of a cursor-paginated list. */
    private List<JsonNode> listAll(String user, String path) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + enc(cursor));
            JsonNode body = call(user, "GET", page, null, null).expect(200).body();
            body.path("items").forEach(all::add);
            cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static void report(String kind, String name, String id, boolean created, String details) {
        System.out.println("Demo data: " + kind + " " + name + " — " + (created ? "created" : "already there")
                + " (" + details + "; id " + id + ")");
    }

    /**
     * The demo proposal (a flower-bed and after-school watch project answering the demo theme) as partner1 drafts it,
     * under {@code title}; the benchmark drafts the same one.
     */
    public static Map<String, Object> proposalBody(String title, String npo, String department, String theme,
            int fiscalYear) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actingFor", npo);
        body.put("themeId", theme);
        body.put("proposingOrganizationIds", List.of(npo));
        body.put("title", title);
        body.put("localIssue", "公園の花壇が荒れ、夕方の見守りがないため子どもだけで遊ばせにくい");
        body.put("goals", List.of("花壇を市民の手で年間を通じて維持する", "放課後の見守りボランティアを30人にする"));
        body.put("approach", "月2回の花壇づくり講習会と、近隣の自治会と組む放課後の見守り当番");
        body.put("collaborationForm", "JOINT_FUNDING");
        body.put("activityArea", "C");
        body.put("field", "ENVIRONMENT");
        body.put("period", Map.of("start", fiscalYear + "-04-01", "end", (fiscalYear + 1) + "-03-31"));
        body.put("beneficiaries", "公園の近隣住民と、公園で遊ぶ子どもたち");
        body.put("budgetLines", List.of(
                Map.of("organizationId", department, "fiscalYear", fiscalYear, "item", "協働負担金",
                        "amountYen", CITY_SHARE_YEN),
                Map.of("organizationId", npo, "fiscalYear", fiscalYear, "item", "自主財源（会費・寄付）",
                        "amountYen", 300_000)));
        body.put("expectedEffects", "公園の利用者が増え、地域の見守りの担い手が育つ");
        body.put("departmentId", department);
        return body;
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /** Repeats the call while it answers {@code retryStatus} (something another service has not learnt yet). */
    private Reply eventually(String what, Supplier<Reply> call, int retryStatus) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (true) {
            Reply reply = call.get();
            if (reply.status() != retryStatus || System.nanoTime() > deadline) {
                if (reply.status() == retryStatus) {
                    throw new IllegalStateException("waited " + PROPAGATION.toSeconds() + " s until " + what + "; "
                            + reply.request() + " still answers " + reply.status() + ": " + reply.raw());
                }
                return reply;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private Reply call(String user, String method, String path, Object body, String ifMatch) {
        return client.call(user, method, gateway + path, body, ifMatch);
    }

    private static String enc(String s) {
        return DemoUserClient.enc(s);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
