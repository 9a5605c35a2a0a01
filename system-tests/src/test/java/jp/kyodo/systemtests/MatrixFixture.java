package jp.kyodo.systemtests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The world the authorisation matrix is walked in, built once through the gateway with real tokens:
 * <ul>
 * <li>department D1 (staff1 STAFF, signer1 SIGNATORY up to 5,000,000 yen) and D2 (a test-made city-staff user);</li>
 * <li>the NPO (verified; reviewer2 a MEMBER, partner1 the REPRESENTATIVE, private contact), ORG2 (partner2
 * representative) and an intermediary HUB (coordinator1 staff);</li>
 * <li>citizen1's talent-bank entry;</li>
 * <li>a theme of D1; proposals of the NPO as a DRAFT, UNDER_SCREENING (committee reviewer1 and reviewer2) and
 * ADOPTED (scored by reviewer1, with a consultation comment);</li>
 * <li>the ADOPTED proposal's agreement signed by both sides (ACTIVE, JOINT_FUNDING, three fiscal years, one
 * milestone), and a second agreement opened by staff and AWAITING_SIGNATURES;</li>
 * <li>the evaluation plan of the active agreement with four rounds: PUBLISHED, CLOSED (both with a third-party
 * assessment), IN_REVIEW, and OPEN where only D1 has submitted (its scores sealed).</li>
 * </ul>
 * Personal data and sealed content carry {@link Sentinel} strings so that any response can be searched for them.
 */
final class MatrixFixture {

    static final int FISCAL_YEAR = 2027;
    static final long CITY_SHARE = 1_000_000;
    static final long SIGNATORY_LIMIT = 5_000_000;
    /** The city-staff user of another department, created in Keycloak for the run. */
    static final String STAFF_OTHER_USER = "matrix-staff-other";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A string that may appear in a response only to the callers named. */
    record Sentinel(String name, String value, Set<String> allowedCallers) {
    }

    final String tag = Kyodo.tag();
    final Map<String, String> ids = new LinkedHashMap<>();
    final List<Sentinel> sentinels = new ArrayList<>();
    /** Login subjects of people, which anonymous callers should not be shown. */
    final List<String> personSubjects = new ArrayList<>();

    String purposeId;
    /** The working copy content of the active agreement (a valid body for PUT working-copy). */
    JsonNode activeAgreementContent;
    /** A complete self-assessment of the active agreement's plan (every item 3). */
    Map<String, Object> plainAssessment;
    int signingVersion;
    String signingSha256;

    private List<Map<String, Object>> evaluationItems;
    private JsonPath planView;

    private MatrixFixture() {
    }

    static MatrixFixture build() {
        MatrixFixture f = new MatrixFixture();
        long started = System.nanoTime();
        f.directory();
        f.talentBank();
        f.proposals();
        f.deskAndReview();
        f.agreements();
        f.formAgreements();
        f.evaluations();
        f.attachments();
        System.out.printf("authorisation matrix fixture ready in %d s: %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), f.ids);
        return f;
    }

    String id(String key) {
        String value = ids.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no fixture id " + key + "; known: " + ids.keySet());
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------------ directory

    private void directory() {
        String staffOtherSubject = KeycloakAdmin.ensureUser(STAFF_OTHER_USER, "city-staff");
        personSubjects.addAll(List.of(DemoUsers.ADMIN1, DemoUsers.STAFF1, DemoUsers.SIGNER1, DemoUsers.COORDINATOR1,
                DemoUsers.REVIEWER1, DemoUsers.REVIEWER2, DemoUsers.ANALYST1, DemoUsers.PARTNER1, DemoUsers.PARTNER2,
                DemoUsers.CITIZEN1, staffOtherSubject));

        UUID dept = Kyodo.registerDepartment("staff1", "協働推進課M " + tag);
        Kyodo.addMember("staff1", dept, DemoUsers.SIGNER1, "SIGNATORY", SIGNATORY_LIMIT);
        ids.put("dept", dept.toString());
        // No one's notification and no one's calendar feed: ids that exist for no caller (404 for all, never 403).
        ids.put("notification.unknown", UUID.randomUUID().toString());
        ids.put("calendar-feed.unknown", "bm90LWEtZmVlZC1vZi1hbnlvbmUtaW4ta3lvZG8tMDAw");
        UUID dept2 = Kyodo.registerDepartment(STAFF_OTHER_USER, "道路管理課M " + tag);
        ids.put("dept2", dept2.toString());

        // The NPO keeps its contact private; its members' names and e-mails are personal data.
        String npoPhone = "045-9" + digits(2) + "-" + digits(4);
        String npoEmail = "npo-private-" + tag + "@example.org";
        String npoAddress = "横浜市中区秘匿町" + tag + "番地";
        String representativeName = "非公開代表者" + tag;
        Map<String, Object> npoBody = Kyodo.organization("CIVIC_GROUP", "NPO法人マトリクスの森 " + tag, "まとりくすのもり",
                Kyodo.randomCorporateNumber(), List.of("ENVIRONMENT"));
        npoBody.put("contact", Map.of("phone", npoPhone, "email", npoEmail));
        npoBody.put("contactPublic", false);
        npoBody.put("address", npoAddress);
        npoBody.put("representativeName", representativeName);
        UUID npo = UUID.fromString(Kyodo.register("staff1", npoBody).path("id"));
        Kyodo.verify("staff1", npo);
        String reviewer2Name = "審査員二号" + tag;
        String reviewer2Email = "reviewer2-" + tag + "@example.org";
        String partner1Name = "代表一号" + tag;
        String partner1Email = "partner1-" + tag + "@example.org";
        // reviewer2 first, partner1 last: once a service knows partner1 is a member, its snapshot has reviewer2 too.
        addMember("staff1", npo, DemoUsers.REVIEWER2, "MEMBER", reviewer2Name, reviewer2Email);
        String removable = UUID.randomUUID().toString();
        addMember("staff1", npo, removable, "MEMBER", null, null);
        addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", partner1Name, partner1Email);
        ids.put("npo", npo.toString());
        ids.put("npo.member", removable);
        sentinels.add(new Sentinel("NPO private contact / member data", npoEmail, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("NPO private phone", npoPhone, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("NPO private address", npoAddress, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("NPO representative's name", representativeName, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("member name", partner1Name, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("member e-mail", partner1Email, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("member name", reviewer2Name, AuthorizationMatrix.MEMBER_DATA_READERS));
        sentinels.add(new Sentinel("member e-mail", reviewer2Email, AuthorizationMatrix.MEMBER_DATA_READERS));

        String removableInDept = UUID.randomUUID().toString();
        addMember("staff1", dept, removableInDept, "STAFF", null, null);
        ids.put("dept.member", removableInDept);

        UUID org2 = Kyodo.registerNpo("staff1", "一般社団法人べつの会 " + tag);
        Kyodo.verify("staff1", org2);
        Kyodo.addMember("staff1", org2, DemoUsers.PARTNER2, "REPRESENTATIVE", null);
        ids.put("org2", org2.toString());

        UUID hub = UUID.fromString(Kyodo.register("staff1", Kyodo.organization("INTERMEDIARY",
                "市民活動支援センターM " + tag, "しみんかつどうしえんせんたー", null, List.of("OTHER"))).path("id"));
        Kyodo.verify("staff1", hub);
        Kyodo.addMember("staff1", hub, DemoUsers.COORDINATOR1, "STAFF", null);
        ids.put("hub", hub.toString());
    }

    private static void addMember(String user, UUID organization, String subject, String role, String name,
            String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("role", role);
        if (name != null) {
            body.put("displayName", name);
        }
        if (email != null) {
            body.put("email", email);
        }
        call(() -> Gateway.as(user).body(body), "POST", "/api/directory/organizations/" + organization + "/members", 201);
    }

    private void talentBank() {
        purposeId = Gateway.anonymous().get("/api/directory/talent-bank/purpose-of-use").then().statusCode(200)
                .extract().path("id");
        String name = "人材太郎" + tag;
        String email = "talent-" + tag + "@example.org";
        String phone = "090-7" + digits(3) + "-" + digits(4);
        Map<String, Object> entry = talentEntry(name, email, phone);
        // A person has one entry: one an earlier fixture of this run left is withdrawn, so that this tag's is read.
        citizensEntry().ifPresent(stale -> call(() -> Gateway.as("citizen1").header("If-Match", "*"), "DELETE",
                "/api/directory/talent-bank/entries/" + stale, 204));
        String id = call(() -> Gateway.as("citizen1").body(entry), "POST", "/api/directory/talent-bank/entries", 201)
                .path("id");
        ids.put("talent.entry", id);
        sentinels.add(new Sentinel("talent-bank name", name, AuthorizationMatrix.TALENT_READERS));
        sentinels.add(new Sentinel("talent-bank e-mail", email, AuthorizationMatrix.TALENT_READERS));
        sentinels.add(new Sentinel("talent-bank phone", phone, AuthorizationMatrix.TALENT_READERS));
    }

    Map<String, Object> talentEntry(String name, String email, String phone) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("displayName", name);
        entry.put("displayNameKana", "じんざいたろう");
        entry.put("skills", List.of("手話", "会計"));
        entry.put("fields", List.of("WELFARE"));
        entry.put("availability", "土日の午前");
        entry.put("email", email);
        entry.put("phone", phone);
        entry.put("consentToBeContacted", true);
        entry.put("purposeId", purposeId);
        return entry;
    }

    /** The id of citizen1's talent-bank entry, if they have one. */
    private Optional<String> citizensEntry() {
        ExtractableResponse<Response> me = call(() -> Gateway.as("citizen1"), "GET",
                "/api/directory/talent-bank/entries/me", -1);
        return me.statusCode() == 200 ? Optional.of(me.path("id")) : Optional.empty();
    }

    /** citizen1's entry again, after a test deleted it (DELETE cells). */
    String recreateTalentEntry() {
        Optional<String> kept = citizensEntry();
        if (kept.isPresent()) {
            ids.put("talent.entry", kept.get());
            return kept.get();
        }
        Map<String, Object> entry = talentEntry("人材再登録" + tag, "talent-again-" + tag + "@example.org",
                "090-6" + digits(3) + "-" + digits(4));
        String id = call(() -> Gateway.as("citizen1").body(entry), "POST", "/api/directory/talent-bank/entries", 201)
                .path("id");
        ids.put("talent.entry", id);
        return id;
    }

    // ------------------------------------------------------------------------------------------------ proposals

    private void proposals() {
        UUID dept = UUID.fromString(id("dept"));
        UUID npo = UUID.fromString(id("npo"));
        Map<String, Object> themeBody = Kyodo.theme(dept, "マトリクスの公園 " + tag, FISCAL_YEAR, 3_000_000);
        String theme = awaitCreated("proposal-service knows D1 and staff1", () -> Gateway.as("staff1").body(themeBody),
                "/api/proposals/themes");
        ids.put("theme", theme);

        // ADOPTED: consulted (with a comment), screened by reviewer1 (reviewer2 on the committee but conflicted).
        Map<String, Object> adoptedBody = proposal(npo, UUID.fromString(theme), dept, "採択される提案 " + tag);
        UUID adopted = Kyodo.createProposalOnceKnown("partner1", adoptedBody);
        Kyodo.submitOnceVerified("partner1", adopted, npo);
        String base = "/api/proposals/" + adopted;
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base))
                .body(Map.of("actingFor", dept.toString())), "POST", base + "/consultation", 200);
        String comment = "協議メモ（非公開）" + tag;
        call(() -> Gateway.as("staff1").body(Map.of("actingFor", dept.toString(), "body", comment)), "POST",
                base + "/consultation/comments", 201);
        sentinels.add(new Sentinel("consultation comment", comment, AuthorizationMatrix.CONSULTATION_READERS));
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base)).body(Map.of("actingFor",
                dept.toString(), "reviewers", List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2))), "POST",
                base + "/screening", 200);
        String reviewerComment = "審査委員の所見（非公開）" + tag;
        call(() -> Gateway.as("reviewer1").body(scores(reviewerComment)), "POST", base + "/scores", 201);
        sentinels.add(new Sentinel("reviewer's comment", reviewerComment, AuthorizationMatrix.SCORE_READERS_ADOPTED));
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base)).body(Map.of("actingFor",
                dept.toString(), "outcome", "ADOPTED", "rationale", "地域課題に即している")), "POST", base + "/decision", 200);
        ids.put("proposal.adopted", adopted.toString());

        // UNDER_SCREENING, citizen-initiated: consulted (a coordinator's comment, a revised version), committee open.
        Map<String, Object> screeningBody = proposal(npo, null, dept, "審査中の提案 " + tag);
        UUID screening = Kyodo.createProposalOnceKnown("partner1", screeningBody);
        Kyodo.submitOnceVerified("partner1", screening, npo);
        String sBase = "/api/proposals/" + screening;
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", sBase))
                .body(Map.of("actingFor", dept.toString())), "POST", sBase + "/consultation", 200);
        Map<String, Object> coordinatorComment = Map.of("actingFor", id("hub"), "body", "支援センターからの助言");
        Eventually.until("proposal-service knows coordinator1 belongs to the hub", Eventually.CROSS_SERVICE,
                () -> status(call(() -> Gateway.as("coordinator1").body(coordinatorComment), "POST",
                        sBase + "/consultation/comments", -1)) == 201);
        Map<String, Object> revised = new LinkedHashMap<>(screeningBody);
        revised.put("approach", "協議を踏まえ、月2回の活動に改める");
        revised.put("revisionNote", "協議の反映");
        String etag = call(() -> Gateway.as("partner1"), "GET", sBase, 200).header("ETag");
        call(() -> Gateway.as("partner1").header("If-Match", etag).body(revised), "POST", sBase + "/versions", 201);
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", sBase)).body(Map.of("actingFor",
                dept.toString(), "reviewers", List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2))), "POST",
                sBase + "/screening", 200);
        ids.put("proposal.screening", screening.toString());

        // DRAFT: only its proposers may see it.
        String draftTitle = "下書きの提案（非公開）" + tag;
        UUID draft = Kyodo.createProposalOnceKnown("partner1", proposal(npo, UUID.fromString(theme), dept, draftTitle));
        ids.put("proposal.draft", draft.toString());
        sentinels.add(new Sentinel("draft proposal", draftTitle, AuthorizationMatrix.PROPOSER_MEMBERS));

        // reviewer2 must be known as the NPO's member before the matrix is walked (conflict of interest, reading).
        Eventually.until("proposal-service knows reviewer2 is a member of the NPO", Eventually.CROSS_SERVICE,
                () -> status(call(() -> Gateway.as("reviewer2"), "GET", "/api/proposals/" + draft, -1)) == 200);
    }

    // ------------------------------------------------------------------------------------------------ desk and review

    /**
     * The institutions before and after a proposal: a committee of D1 (reviewer1 and reviewer2) with a meeting on the
     * proposal under screening, a public comment period of D1 open to comments without an account (with one comment),
     * a consultation at the desk recorded by coordinator1 for the hub (a person who consented), an introduction of
     * citizen1's talent for it, and a draft of the NPO shared with D1 and the hub.
     */
    private void deskAndReview() {
        String dept = id("dept");
        String committee = call(() -> Gateway.as("staff1").body(committeeBody(dept, "マトリクス審査委員会 " + tag)),
                "POST", "/api/proposals/committees", 201).path("id");
        ids.put("committee", committee);
        String meeting = call(() -> Gateway.as("staff1").body(meetingBody(dept, id("proposal.screening"))), "POST",
                "/api/proposals/committees/" + committee + "/meetings", 201).path("id");
        ids.put("meeting", meeting);

        String period = call(() -> Gateway.as("staff1").body(commentPeriodBody(dept, "マトリクス指針案 " + tag)), "POST",
                "/api/proposals/public-comments", 201).path("id");
        ids.put("period", period);
        String commenter = "意見提出者" + tag;
        call(() -> Gateway.anonymous().body(publicComment(commenter)), "POST",
                "/api/proposals/public-comments/" + period + "/comments", 201);
        sentinels.add(new Sentinel("commenter's name", commenter, AuthorizationMatrix.DEPT_MEMBERS));

        String visitor = "相談者" + tag;
        Map<String, Object> intake = new LinkedHashMap<>(intakeBody(id("hub")));
        intake.put("visitor", Map.of("name", visitor, "phone", "090-1" + digits(3) + "-" + digits(4)));
        intake.put("consentToKeepContact", true);
        String intakeId = Eventually.await("proposal-service lets coordinator1 work the desk for the hub",
                Eventually.CROSS_SERVICE, () -> {
                    ExtractableResponse<Response> r = call(() -> Gateway.as("coordinator1").body(intake), "POST",
                            "/api/proposals/intakes", -1);
                    return r.statusCode() == 201 ? Optional.of(r.path("id")) : Optional.empty();
                });
        ids.put("intake", intakeId);
        sentinels.add(new Sentinel("desk visitor's name", visitor, AuthorizationMatrix.DESK_READERS));

        String introduction = call(() -> Gateway.as("coordinator1").body(introductionBody(id("talent.entry"),
                intakeId)), "POST", "/api/directory/introductions", 201).path("id");
        ids.put("introduction", introduction);

        UUID npo = UUID.fromString(id("npo"));
        String sharedTitle = "事前相談の下書き（非公開）" + tag;
        UUID shared = Kyodo.createProposalOnceKnown("partner1", proposal(npo, null, UUID.fromString(dept), sharedTitle));
        String etag = call(() -> Gateway.as("partner1"), "GET", "/api/proposals/" + shared, 200).header("ETag");
        call(() -> Gateway.as("partner1").header("If-Match", etag).body(Map.of("actingFor", npo.toString(),
                "coordinatorOrganizationId", id("hub"))), "POST", "/api/proposals/" + shared + "/pre-submission", 200);
        String note = "市側のメモ（提案者に非公開）" + tag;
        call(() -> Gateway.as("staff1").body(Map.of("actingFor", dept, "body", note, "cityOnly", true)), "POST",
                "/api/proposals/" + shared + "/pre-submission/comments", 201);
        ids.put("proposal.shared", shared.toString());
        sentinels.add(new Sentinel("shared draft", sharedTitle, AuthorizationMatrix.SHARED_DRAFT_READERS));
        sentinels.add(new Sentinel("city-side note on a shared draft", note, AuthorizationMatrix.CITY_SIDE_OF_DRAFT));
    }

    static Map<String, Object> committeeBody(String dept, String name) {
        LocalDate today = today();
        List<Map<String, Object>> members = new ArrayList<>();
        for (String subject : List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2)) {
            members.add(Map.of("subject", subject, "role", "MEMBER", "category", "EXPERT",
                    "termStart", today.minusDays(30).toString(), "termEnd", today.plusYears(2).toString()));
        }
        return Map.of("actingFor", dept, "name", name, "kind", "SCREENING", "members", members);
    }

    static Map<String, Object> meetingBody(String dept, String proposal) {
        return Map.of("actingFor", dept, "title", "第1回審査委員会", "scheduledAt",
                java.time.Instant.now().toString(), "agenda", List.of(Map.of("title", "提案の審査",
                        "proposalIds", List.of(proposal))));
    }

    static Map<String, Object> commentPeriodBody(String dept, String title) {
        LocalDate today = today();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actingFor", dept);
        body.put("subjectKind", "GUIDELINE");
        body.put("title", title);
        body.put("body", "協働推進の基本指針の改定案です。");
        body.put("anonymousAllowed", true);
        body.put("opensOn", today.toString());
        body.put("closesOn", today.plusDays(29).toString());
        return body;
    }

    static Map<String, Object> publicComment(String name) {
        return Map.of("name", name, "address", "横浜市中区本町1-1", "relation", "LIVES_IN_CITY",
                "body", "相談窓口を充実してほしい");
    }

    static Map<String, Object> intakeBody(String actingFor) {
        return Map.of("actingFor", actingFor, "channel", "COUNTER", "topic", "地域の見守り活動を始めたい",
                "field", "WELFARE", "consentToKeepContact", false);
    }

    static Map<String, Object> introductionBody(String talentEntry, String intake) {
        return Map.of("talentEntryId", talentEntry, "intakeId", intake, "fields", List.of("WELFARE"),
                "message", "見守り活動の立ち上げに手話の経験を貸してください");
    }

    Map<String, Object> proposal(UUID npo, UUID theme, UUID dept, String title) {
        Map<String, Object> body = Kyodo.proposal(npo, theme, dept, title, FISCAL_YEAR, CITY_SHARE);
        body.put("period", Map.of("start", FISCAL_YEAR + "-04-01", "end", (FISCAL_YEAR + 3) + "-03-31"));
        return body;
    }

    static Map<String, Object> scores(String comment) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String criterion : List.of("PUBLIC_BENEFIT", "NEED_FOR_COLLABORATION", "FEASIBILITY", "PIONEERING",
                "SUSTAINABILITY", "BUDGET_SOUNDNESS")) {
            lines.add(Map.of("criterion", criterion, "score", 4, "comment", comment));
        }
        return Map.of("scores", lines);
    }

    // ------------------------------------------------------------------------------------------------ agreements

    private void agreements() {
        String dept = id("dept");
        String npo = id("npo");
        String adopted = id("proposal.adopted");
        String agreement = Eventually.await("agreement-service drafted the agreement of the adopted proposal",
                Eventually.CROSS_SERVICE, () -> {
                    List<String> found = call(() -> Gateway.as("staff1").queryParam("proposalId", adopted), "GET",
                            "/api/agreements", 200).jsonPath().getList("items.id");
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
        ids.put("agreement.active", agreement);
        String path = "/api/agreements/" + agreement + "/working-copy";

        String liability = "参加者名簿は事務局が施錠保管する（非公開）" + tag;
        Eventually.until("agreement-service lets partner1 edit for the NPO", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> view = call(() -> Gateway.as("partner1"), "GET", path, -1);
            if (view.statusCode() != 200) {
                return false;
            }
            ObjectNode content = (ObjectNode) readTree(view.asString()).path("content");
            ArrayNode tasks = content.putArray("tasks");
            tasks.add(task("花壇づくりの企画と実施", npo, dept));
            tasks.add(task("広報と用具の貸出", dept, null));
            content.putArray("liabilities").addObject().put("kind", "PERSONAL_DATA").put("description", liability)
                    .put("responsiblePartyId", npo);
            ObjectNode targets = content.with("targets");
            targets.putArray("indicators").addObject().put("name", "参加者数").put("unit", "人").put("targetValue", 300);
            targets.putObject("satisfactionTarget").put("targetPercent", 80).put("method", "アンケート");
            ObjectNode costs = content.with("costs");
            costs.put("consumptionTaxIncluded", true);
            costs.put("declaredCityShareYen", CITY_SHARE);
            content.putArray("deliverables").addObject().put("name", "花壇マップ").put("ownership", "JOINT")
                    .put("ownershipClause", "市と協働相手の共有とする");
            content.putArray("milestones").addObject().put("name", "上半期の振り返り")
                    .put("dueDate", FISCAL_YEAR + "-09-30").put("kind", "REFLECTION");
            content.putArray("clauses").addObject().put("heading", "協議").put("text", "定めのない事項は協議する")
                    .put("published", true);
            String etag = view.header("ETag");
            return status(call(() -> Gateway.as("partner1").header("If-Match", etag)
                    .body(Map.of("actingFor", npo, "content", content)), "PUT", path, -1)) == 200;
        });
        sentinels.add(new Sentinel("agreement liability clause", liability, AuthorizationMatrix.AGREEMENT_READERS));

        // A specification attached to the working copy: the frozen version lists it.
        ids.put("agreement.attachment", upload("/api/agreements/" + agreement + "/working-copy/attachments",
                "SPECIFICATION", npo));
        String etag = call(() -> Gateway.as("staff1"), "GET", "/api/agreements/" + agreement, 200).header("ETag");
        JsonPath frozen = call(() -> Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", dept)),
                "POST", "/api/agreements/" + agreement + "/submission", 201).jsonPath();
        Map<String, Object> signature = Map.of("actingFor", dept, "documentVersion", frozen.getInt("documentVersion"),
                "contentSha256", frozen.getString("contentSha256"));
        Eventually.until("agreement-service knows signer1 signs for D1", Eventually.CROSS_SERVICE,
                () -> status(call(() -> Gateway.as("signer1").body(signature), "POST",
                        "/api/agreements/" + agreement + "/signatures", -1)) == 201);
        Map<String, Object> npoSignature = new LinkedHashMap<>(signature);
        npoSignature.put("actingFor", npo);
        call(() -> Gateway.as("partner1").body(npoSignature), "POST", "/api/agreements/" + agreement + "/signatures", 201);
        JsonNode workingCopy = readTree(call(() -> Gateway.as("staff1"), "GET", path, 200).asString());
        activeAgreementContent = workingCopy.path("content");
        ids.put("milestone", activeAgreementContent.path("milestones").path(0).path("milestoneId").asText());

        // A second agreement, opened by staff directly and frozen: its signature cells sign it for real.
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "災害時の協力協定 " + tag);
        content.put("form", "AGREEMENT");
        content.put("activityArea", "C");
        content.put("field", "DISASTER_PREVENTION");
        content.put("purpose", "災害時に避難所運営を協力して行う");
        content.put("approach", "年1回の合同訓練を行う");
        content.put("term", Map.of("start", FISCAL_YEAR + "-04-01", "end", (FISCAL_YEAR + 1) + "-03-31"));
        content.put("parties", List.of(Map.of("organizationId", dept), Map.of("organizationId", npo)));
        content.put("tasks", List.of(
                Map.of("description", "訓練の企画", "responsiblePartyId", dept, "supportingPartyIds", List.of(npo)),
                Map.of("description", "避難所の運営補助", "responsiblePartyId", npo, "supportingPartyIds", List.of())));
        content.put("targets", Map.of("outcomeGoals", List.of(Map.of("description", "避難所運営の体制ができる"))));
        ExtractableResponse<Response> opened = call(() -> Gateway.as("staff1")
                .body(Map.of("actingFor", dept, "content", content)), "POST", "/api/agreements", 201);
        String signing = opened.path("id");
        JsonPath frozenSigning = call(() -> Gateway.as("staff1").header("If-Match", opened.header("ETag"))
                .body(Map.of("actingFor", dept)), "POST", "/api/agreements/" + signing + "/submission", 201).jsonPath();
        signingVersion = frozenSigning.getInt("documentVersion");
        signingSha256 = frozenSigning.getString("contentSha256");
        ids.put("agreement.signing", signing);
    }

    // ------------------------------------------------------------------------------------------------ attachments

    /**
     * partner1 attaches a file for the NPO to its organisation, its draft proposal and the round in review; a cost-shared collaboration
     * of a past fiscal year in force has a cost report with a receipt and a public activity report.
     */
    private void attachments() {
        String npo = id("npo");
        ids.put("npo.attachment", upload(attachmentsOf("npo"), "OFFICER_LIST", npo, false));
        ids.put("proposal.attachment", upload(attachmentsOf("proposal"), "BUDGET_SHEET", npo, false));
        ids.put("round.attachment", upload(attachmentsOf("round"), "REFLECTION_RECORD", npo, false));
        for (String part : List.of("npo", "proposal", "round")) {
            recreateRemovableAttachment(part);
        }
        String costShared = Kyodo.jointFundingInForce(UUID.fromString(id("dept")), UUID.fromString(npo), tag).toString();
        ids.put("agreement.cost-shared", costShared);
        String report = call(() -> Gateway.as("partner1").body(Map.of("actingFor", npo, "fiscalYear",
                Kyodo.COST_REPORT_YEAR, "lines", List.of(Map.of("item", "消耗品費", "actualYen", 90_000)))), "POST",
                "/api/agreements/" + costShared + "/cost-reports", 201).path("id");
        ids.put("cost-report", report);
        String receipts = "/api/agreements/" + costShared + "/cost-reports/" + report + "/attachments";
        upload(receipts, "RECEIPT", npo, false);
        ids.put("agreement.public-attachment", upload(receipts, "ACTIVITY_REPORT", npo, true));
    }

    /** A fresh file to remove, for the rows whose allowed callers each remove one. */
    void recreateRemovableAttachment(String part) {
        ids.put(part + ".attachment.removable", upload(attachmentsOf(part), "OTHER", id("npo"), false));
    }

    private String attachmentsOf(String part) {
        return switch (part) {
            case "npo" -> "/api/directory/organizations/" + id("npo") + "/attachments";
            case "proposal" -> "/api/proposals/" + id("proposal.draft") + "/attachments";
            case "round" -> "/api/evaluations/rounds/" + id("round.review") + "/attachments";
            default -> throw new IllegalArgumentException("no attachments of " + part);
        };
    }

    private static String upload(String path, String kind, String actingFor) {
        return upload(path, kind, actingFor, false);
    }

    private static String upload(String path, String kind, String actingFor, boolean isPublic) {
        // Built whole, so that it goes with its Content-Length: the gateway refuses an upload of unknown length.
        Kyodo.Multipart body = Kyodo.multipart(kind.toLowerCase() + ".pdf", Kyodo.samplePdf(), Map.of("kind", kind,
                "actingFor", actingFor, "public", Boolean.toString(isPublic)));
        return call(() -> Gateway.as("partner1").contentType(body.contentType()).body(body.bytes()), "POST", path, 201)
                .path("attachmentId");
    }

    private static ObjectNode task(String description, String responsible, String supporting) {
        ObjectNode task = JSON.createObjectNode().put("description", description).put("responsiblePartyId", responsible);
        ArrayNode support = task.putArray("supportingPartyIds");
        if (supporting != null) {
            support.add(supporting);
        }
        return task;
    }

    /**
     * One collaboration of each form with steps of its own, between D1 and the NPO, in force: a SUBSIDY whose grant of
     * the current fiscal year is decided, a COLLABORATIVE_COMMISSION with signer1 its inspector, an approved
     * ENDORSEMENT, a CO_HOSTING with one event, a PROJECT_COOPERATION with goods lent, an ADOPT_PROGRAM with a request
     * for supplies. Their step rows send a stale If-Match, so an allowed caller changes nothing.
     */
    private void formAgreements() {
        UUID dept = UUID.fromString(id("dept"));
        UUID npo = UUID.fromString(id("npo"));
        FormSteps forms = FormSteps.between(dept, npo);
        ids.put("fy", Integer.toString(FormSteps.YEAR));

        Map<String, Object> subsidy = forms.costs(forms.content("SUBSIDY", "マトリクスの補助事業"), 500_000, 500_000L,
                1_000_000);
        subsidy.put("terms", Map.of("form", "SUBSIDY", "programName", "協働事業補助金"));
        UUID grant = forms.open("staff1", dept, subsidy);
        JsonPath application = FormSteps.frozen("staff1", grant, dept);
        call(() -> Gateway.as("signer1").body(Map.of("form", "SUBSIDY", "actingFor", dept.toString(),
                "documentVersion", application.getInt("documentVersion"), "outcome", "GRANTED", "grant",
                Map.of("fiscalYear", FormSteps.YEAR, "amountYen", 500_000, "rate", Map.of("numerator", 1,
                        "denominator", 2), "capYen", 500_000))), "POST", "/api/agreements/" + grant + "/decision", 200);
        ids.put("agreement.subsidy", grant.toString());

        Map<String, Object> commission = forms.costs(forms.content("COLLABORATIVE_COMMISSION", "マトリクスの委託"), 300_000,
                null);
        commission.put("terms", Map.of("form", "COLLABORATIVE_COMMISSION", "paymentTerms", "LUMP_SUM",
                "specification", "清掃業務", "divisionOfRoles", "市が企画、団体が実施"));
        UUID contract = forms.inForce(commission);
        FormSteps.step("staff1", contract, "/commission/inspector", Map.of("actingFor", dept.toString(),
                "inspectorSubject", DemoUsers.SIGNER1)).then().statusCode(200);
        ids.put("agreement.commission", contract.toString());

        Map<String, Object> endorsement = forms.content("ENDORSEMENT", "マトリクスの講演会");
        endorsement.remove("tasks");
        endorsement.remove("targets");
        endorsement.put("terms", FormSteps.endorsementTerms(FormSteps.TODAY, false));
        UUID endorsed = forms.open("partner1", npo, endorsement);
        JsonPath received = FormSteps.frozen("partner1", endorsed, npo);
        call(() -> Gateway.as("signer1").body(Map.of("form", "ENDORSEMENT", "actingFor", dept.toString(),
                "documentVersion", received.getInt("documentVersion"), "outcome", "APPROVED")), "POST",
                "/api/agreements/" + endorsed + "/decision", 200);
        ids.put("agreement.endorsement", endorsed.toString());

        Map<String, Object> cohosting = forms.content("CO_HOSTING", "マトリクスのまつり");
        cohosting.put("terms", Map.of("form", "CO_HOSTING", "arrangement", "CO_HOSTING", "events", List.of(Map.of(
                "name", "まつり", "firstDay", FormSteps.TODAY.toString(), "lastDay", FormSteps.TODAY.toString()))));
        UUID festival = forms.inForce(cohosting);
        ids.put("agreement.cohosting", festival.toString());
        ids.put("hosted-event", FormSteps.procedure("staff1", festival).getString("events[0].eventId"));

        Map<String, Object> cooperation = forms.content("PROJECT_COOPERATION", "マトリクスの事業協力");
        cooperation.put("terms", Map.of("form", "PROJECT_COOPERATION", "reportIntervalMonths", 6, "goods", List.of(
                Map.of("item", "防犯ベスト", "quantity", 5, "provision", "LENT", "lentOn", FormSteps.TODAY.toString(),
                        "returnBy", (FormSteps.YEAR + 1) + "-03-31"))));
        UUID lending = forms.inForce(cooperation);
        ids.put("agreement.cooperation", lending.toString());
        ids.put("goods", FormSteps.procedure("staff1", lending).getString("lentGoods[0].goodsId"));

        Map<String, Object> adopt = forms.content("ADOPT_PROGRAM", "マトリクスのアダプト");
        adopt.put("terms", Map.of("form", "ADOPT_PROGRAM", "groupNamePublic", true, "place", Map.of("name",
                "マトリクス公園 " + tag, "kind", "PARK", "location", "本町2-2")));
        UUID adopted = forms.open("partner1", npo, adopt);
        forms.signByBoth(adopted, FormSteps.frozen("partner1", adopted, npo));
        ids.put("agreement.adopt", adopted.toString());
        ids.put("supply-request", call(() -> Gateway.as("partner1").body(Map.of("actingFor", npo.toString(), "items",
                List.of(Map.of("item", "ごみ袋", "quantity", 50)))), "POST", "/api/agreements/" + adopted
                + "/supply-requests", 201).path("supplyRequests[0].requestId"));
    }

    // ------------------------------------------------------------------------------------------------ evaluations

    private void evaluations() {
        String agreement = id("agreement.active");
        String dept = id("dept");
        String npo = id("npo");
        String plan = Eventually.await("evaluation-service made the plan of the active agreement",
                Eventually.CROSS_SERVICE, () -> {
                    List<String> found = call(() -> Gateway.as("staff1").queryParam("agreementId", agreement), "GET",
                            "/api/evaluations", 200).jsonPath().getList("items.id");
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
        ids.put("plan", plan);
        evaluationItems = call(() -> Gateway.anonymous(), "GET", "/api/evaluations/items", 200).jsonPath().getList("$");
        planView = call(() -> Gateway.as("staff1"), "GET", "/api/evaluations/" + plan, 200).jsonPath();
        plainAssessment = assessment(null);

        String published = openRound(plan, "INTERIM", FISCAL_YEAR, dept);
        submitBoth(published, dept, npo);
        recordFindingAndClose(published, npo, dept);
        thirdParty(published);
        String etag = call(() -> Gateway.as("staff1"), "GET", "/api/evaluations/rounds/" + published, 200).header("ETag");
        call(() -> Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", dept)), "POST",
                "/api/evaluations/rounds/" + published + "/publication", 200);
        ids.put("round.published", published);

        String closed = openRound(plan, "INTERIM", FISCAL_YEAR + 1, dept);
        submitBoth(closed, dept, npo);
        recordFindingAndClose(closed, npo, dept);
        thirdParty(closed);
        ids.put("round.closed", closed);

        String review = openRound(plan, "INTERIM", FISCAL_YEAR + 2, dept);
        submitBoth(review, dept, npo);
        ids.put("round.review", review);

        // OPEN: D1 has submitted, the NPO has not; D1's reason is sealed from everyone but D1's members.
        String open = openRound(plan, "FINAL", null, dept);
        String sealedReason = "封緘中の所管課の理由" + tag;
        call(() -> Gateway.as("staff1").body(assessment(sealedReason)), "PUT",
                "/api/evaluations/rounds/" + open + "/self-assessments/" + dept, 201);
        ids.put("round.open", open);
        sentinels.add(new Sentinel("sealed self-assessment of a party", sealedReason, AuthorizationMatrix.DEPT_MEMBERS));
        Eventually.until("evaluation-service knows signer1 belongs to D1", Eventually.CROSS_SERVICE,
                () -> status(call(() -> Gateway.as("signer1"), "GET",
                        "/api/evaluations/rounds/" + open + "/self-assessments/" + dept, -1)) == 200);
    }

    private String openRound(String plan, String kind, Integer fiscalYear, String dept) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        if (fiscalYear != null) {
            body.put("fiscalYear", fiscalYear);
        }
        body.put("actingFor", dept);
        return awaitCreated("evaluation-service lets staff1 open a round for D1", () -> Gateway.as("staff1").body(body),
                "/api/evaluations/" + plan + "/rounds");
    }

    private void submitBoth(String round, String dept, String npo) {
        String base = "/api/evaluations/rounds/" + round + "/self-assessments/";
        call(() -> Gateway.as("staff1").body(plainAssessment), "PUT", base + dept, 201);
        Eventually.until("evaluation-service lets partner1 assess for the NPO", Eventually.CROSS_SERVICE,
                () -> status(call(() -> Gateway.as("partner1").body(plainAssessment), "PUT", base + npo, -1)) == 201);
    }

    private void recordFindingAndClose(String round, String npo, String dept) {
        String base = "/api/evaluations/rounds/" + round;
        call(() -> Gateway.as("partner1").body(Map.of("actingFor", npo, "item", "COLLABORATION_PROCESS",
                "finding", "対話の場が役立った", "improvement", "振り返りを続ける")), "POST", base + "/findings", 201);
        String etag = call(() -> Gateway.as("staff1"), "GET", base, 200).header("ETag");
        call(() -> Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", dept, "note", "合意")), "POST",
                base + "/closing", 200);
    }

    private void thirdParty(String round) {
        call(() -> Gateway.as("reviewer1").body(Map.of("committee", "協働評価委員会", "opinion", "適切に進められている")),
                "POST", "/api/evaluations/rounds/" + round + "/third-party-assessment", 201);
    }

    /** Every catalogue item once (per indicator and goal where so scored), all 3, but 1 with the reason if given. */
    Map<String, Object> assessment(String lowReason) {
        List<Map<String, Object>> project = new ArrayList<>();
        List<Map<String, Object>> collaboration = new ArrayList<>();
        for (Map<String, Object> item : evaluationItems) {
            String code = (String) item.get("item");
            List<Map<String, Object>> lines = "PROJECT".equals(item.get("track")) ? project : collaboration;
            int score = lowReason != null && "COLLABORATION_PROCESS".equals(code) ? 1 : 3;
            switch ((String) item.get("scoredPer")) {
                case "INDICATOR" -> {
                    for (String indicator : planView.<String>getList("indicators.indicatorId")) {
                        Map<String, Object> line = line(code, score, lowReason);
                        line.put("indicatorId", indicator);
                        line.put("actualValue", 300);
                        lines.add(line);
                    }
                }
                case "GOAL" -> {
                    for (String goal : planView.<String>getList("outcomeGoals.goalId")) {
                        Map<String, Object> line = line(code, score, lowReason);
                        line.put("goalId", goal);
                        lines.add(line);
                    }
                }
                default -> {
                    Map<String, Object> line = line(code, score, lowReason);
                    if ("PROJECT_BENEFICIARY_SATISFACTION".equals(code)) {
                        line.put("actualValue", 80);
                    }
                    lines.add(line);
                }
            }
        }
        return Map.of("project", project, "collaboration", collaboration);
    }

    private static Map<String, Object> line(String item, int score, String reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("item", item);
        line.put("score", score);
        if (score <= 2) {
            line.put("reason", reason);
        }
        return line;
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /** POST until 201 (a 403 means a read model has not caught up yet); the created resource's id. */
    private static String awaitCreated(String what, Supplier<RequestSpecification> request, String path) {
        return Eventually.await(what, Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = call(request, "POST", path, -1);
            if (r.statusCode() == 201) {
                return Optional.of(r.<String>path("id"));
            }
            if (r.statusCode() == 403) {
                return Optional.empty();
            }
            throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.asString());
        }, IllegalStateException.class);
    }

    /**
     * One request, repeated after the gateway's Retry-After while it answers 429; {@code expected} -1 takes any
     * status, otherwise another status fails the fixture with the response body.
     */
    static ExtractableResponse<Response> call(Supplier<RequestSpecification> request, String method, String path,
            int expected) {
        for (int attempt = 0; ; attempt++) {
            ExtractableResponse<Response> r = request.get().request(method, path).then().extract();
            if (r.statusCode() == 429 && attempt < 10) {
                sleepSeconds(retryAfter(r.header("Retry-After")));
                continue;
            }
            if (expected >= 0 && r.statusCode() != expected) {
                throw new AssertionError("fixture: " + method + " " + path + " answered " + r.statusCode()
                        + " (expected " + expected + "): " + r.asString());
            }
            return r;
        }
    }

    static long retryAfter(String header) {
        try {
            return header == null ? 1 : Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int status(ExtractableResponse<Response> r) {
        return r.statusCode();
    }

    static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    }
}
