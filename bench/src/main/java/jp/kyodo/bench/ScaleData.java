package jp.kyodo.bench;

import jp.kyodo.stack.DemoUserClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;
import jp.kyodo.stack.StackConfig;

/**
 * Writes a city's worth of history straight into the four databases (creating it through the API would take hours):
 * organisations in the directory and in each service's directory read model, themes, proposals in every state with
 * their versions, screenings and consultation cases, an agreement for every adopted proposal (frozen and in force
 * for most), and for those in force an evaluation plan with a round (published, with both parties' self-assessments,
 * for completed agreements).
 *
 * <p>Every id is {@code md5(<kind>-<n>)} read as a UUID, computed the same way in every database, so the services
 * agree on which proposal an agreement belongs to and which organisation a party is. The JSON documents (proposal
 * content, agreement working copy) are copies of ones the services wrote during the benchmark's own API calls, with
 * the ids and the title replaced, so their shape is exactly what the code reads. Themes, proposals, agreements and
 * evaluations are produced by {@code insert … select … from generate_series} inside PostgreSQL (no row crosses the
 * network); the organisations, whose search keys are computed here, go in as JDBC batches.
 */
public final class ScaleData {

    /** One list or search endpoint measured at scale. */
    public record Endpoint(String name, String service, String path, String user) {
    }

    private static final String[] WORDS = {"公園", "花壇", "防災訓練", "見守", "清掃活動", "環境学習", "図書館", "商店街",
            "高齢者支援", "多文化共生", "里山保全", "地域食堂", "スポーツ交流", "防犯パトロール", "ボランティア育成", "子育広場"};
    private static final String[] KANA_WORDS = {"ミドリ", "サクラ", "ヒカリ", "アオゾラ", "ミナト", "ヤマテ", "ハマカゼ",
            "コスモス", "ツバサ", "ホシゾラ", "カエデ", "ユウヒ"};

    /** Theme of proposal n (scattered, so that every theme has proposals in every state) and its fiscal year. */
    private static final String THEME = "(1 + mod(abs(hashint4(n + 7)), 50))";
    private static final String FISCAL_YEAR = "(2016 + mod(" + THEME + ", 10))";

    private final UnaryOperator<String> jdbcUrl;
    private final String issuer;
    private final String gateway;
    private final int proposals;
    private final int organizations;
    private final String department;
    private final String npo;
    private final String theme;
    private final String template;
    private final Map<String, Object> counts = new LinkedHashMap<>();

    public ScaleData(Stack stack, int proposals, String department, String npo, String theme, String templateProposal) {
        this(stack::jdbcUrl, stack.issuerUrl(), stack.gatewayUrl(), proposals, department, npo, theme, templateProposal);
    }

    private ScaleData(UnaryOperator<String> jdbcUrl, String issuer, String gateway, int proposals,
            String department, String npo, String theme, String templateProposal) {
        this.jdbcUrl = jdbcUrl;
        this.issuer = issuer;
        this.gateway = gateway;
        this.proposals = proposals;
        this.organizations = Math.max(100, proposals / 50);
        this.department = department;
        this.npo = npo;
        this.theme = theme;
        this.template = templateProposal;
    }

    public Map<String, Object> load() throws SQLException {
        List<Organization> orgs = organizations();
        long t0 = System.nanoTime();
        directory(orgs);
        for (String db : List.of("kyodo_proposals", "kyodo_agreements", "kyodo_evaluations")) {
            readModel(db, orgs);
        }
        log("organisations in the directory and three read models", t0);
        t0 = System.nanoTime();
        proposals();
        log("themes and proposals", t0);
        t0 = System.nanoTime();
        agreements();
        log("agreements", t0);
        t0 = System.nanoTime();
        evaluations();
        log("evaluations", t0);
        return counts;
    }

    /**
     * Loads the data into a running system without the rest of the benchmark (when working on the generator):
     * {@code ScaleData POSTGRES_PORT GATEWAY_URL ISSUER_URL DEPARTMENT NPO THEME ADOPTED_PROPOSAL [N]}.
     */
    public static void main(String[] args) throws SQLException {
        ScaleData data = new ScaleData(db -> "jdbc:postgresql://127.0.0.1:" + args[0] + "/" + db, args[2], args[1],
                args.length > 7 ? Integer.parseInt(args[7]) : 100_000, args[3], args[4], args[5], args[6]);
        System.out.println(data.load());
    }

    /** The endpoints measured at scale, with ids of the generated data. */
    public List<Endpoint> endpoints() {
        String someTheme = id("t", 7);
        String someOrg = id("o", 5);
        return List.of(
                new Endpoint("proposals by status (staff)", ServiceSpec.PROPOSALS,
                        "/api/proposals?status=SUBMITTED&limit=20", "staff1"),
                new Endpoint("proposals by theme and status (staff)", ServiceSpec.PROPOSALS,
                        "/api/proposals?themeId=" + someTheme + "&status=ADOPTED&limit=20", "staff1"),
                new Endpoint("a partner's own proposals", ServiceSpec.PROPOSALS, "/api/proposals?limit=20", "partner1"),
                new Endpoint("adopted proposals of a theme (public)", ServiceSpec.PROPOSALS,
                        "/api/proposals/published?themeId=" + someTheme + "&limit=20", null),
                new Endpoint("consultation case search", ServiceSpec.PROPOSALS,
                        "/api/proposals/consultation-cases?q=" + DemoUserClient.enc("防災") + "&limit=20", "staff1"),
                new Endpoint("organisation search (staff)", ServiceSpec.DIRECTORY,
                        "/api/directory/organizations?q=" + DemoUserClient.enc("サクラ") + "&limit=20", "staff1"),
                new Endpoint("organisations by field (public)", ServiceSpec.DIRECTORY,
                        "/api/directory/public/organizations?field=ENVIRONMENT&limit=20", null),
                new Endpoint("agreements by state (staff)", ServiceSpec.AGREEMENTS,
                        "/api/agreements?state=ACTIVE&limit=20", "staff1"),
                new Endpoint("agreements of an organisation (staff)", ServiceSpec.AGREEMENTS,
                        "/api/agreements?organizationId=" + someOrg + "&limit=20", "staff1"),
                new Endpoint("evaluation plans (staff)", ServiceSpec.EVALUATIONS, "/api/evaluations?limit=20", "staff1"),
                new Endpoint("published evaluations (public)", ServiceSpec.EVALUATIONS,
                        "/api/evaluations/published?limit=20", null));
    }

    // ------------------------------------------------------------------------------------------------ directory

    private record Organization(int n, String id, String type, String name, String kana, String field) {
    }

    private List<Organization> organizations() {
        String[] types = {"CIVIC_GROUP", "COMMUNITY_ASSOCIATION", "BUSINESS", "PUBLIC_INTEREST_CORPORATION"};
        String[] prefixes = {"NPO法人", "", "株式会社", "社会福祉法人"};
        String[] suffixes = {"の会", "自治会", "サービス", "福祉会"};
        String[] fields = {"ENVIRONMENT", "CHILD_REARING", "COMMUNITY_SAFETY", "EDUCATION"};
        List<Organization> list = new ArrayList<>();
        for (int n = 1; n <= organizations; n++) {
            int t = n % types.length;
            String word = KANA_WORDS[n % KANA_WORDS.length];
            String word2 = KANA_WORDS[(n / KANA_WORDS.length) % KANA_WORDS.length];
            String name = prefixes[t] + word + word2 + suffixes[t] + " " + n;
            list.add(new Organization(n, id("o", n), types[t], name, word + word2 + " " + n, fields[n % fields.length]));
        }
        return list;
    }

    private void directory(List<Organization> orgs) throws SQLException {
        try (Connection c = connect("kyodo_directory")) {
            c.setAutoCommit(false);
            try (PreparedStatement org = c.prepareStatement("""
                    insert into organization (id, type, status, name, name_kana, name_folded, kana_sort, postal_code,
                        address, contact_public, description, registered_at, updated_at, version)
                    values (?::uuid, ?, 'VERIFIED', ?, ?, ?, ?, '2310005', '横浜市中区本町1-1', false, '負荷試験の団体',
                        timestamptz '2016-04-01' + ? * interval '1 hour', now(), 3)""");
                 PreparedStatement field = c.prepareStatement(
                         "insert into organization_field (organization_id, field) values (?::uuid, ?)");
                 PreparedStatement gram = c.prepareStatement(
                         "insert into organization_search_gram (organization_id, gram) values (?::uuid, ?)");
                 PreparedStatement member = c.prepareStatement("""
                         insert into membership (id, organization_id, subject, role, added_at)
                         values (md5('m-' || ?)::uuid, ?::uuid, ?, 'REPRESENTATIVE', now())""")) {
                int grams = 0;
                for (Organization o : orgs) {
                    org.setString(1, o.id());
                    org.setString(2, o.type());
                    org.setString(3, o.name());
                    org.setString(4, o.kana());
                    org.setString(5, fold(o.name()));
                    org.setString(6, fold(o.kana()));
                    org.setInt(7, o.n());
                    org.addBatch();
                    field.setString(1, o.id());
                    field.setString(2, o.field());
                    field.addBatch();
                    Set<String> all = new LinkedHashSet<>(bigrams(o.name()));
                    all.addAll(bigrams(o.kana()));
                    for (String g : all) {
                        gram.setString(1, o.id());
                        gram.setString(2, g);
                        gram.addBatch();
                        grams++;
                    }
                    member.setInt(1, o.n());
                    member.setString(2, o.id());
                    member.setString(3, subject(o.n()));
                    member.addBatch();
                }
                org.executeBatch();
                field.executeBatch();
                gram.executeBatch();
                member.executeBatch();
                counts.put("organization", orgs.size());
                counts.put("organization_search_gram", grams);
            }
            c.commit();
            analyze(c);
        }
    }

    private void readModel(String db, List<Organization> orgs) throws SQLException {
        try (Connection c = connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement org = c.prepareStatement("""
                    insert into directory_organization (id, name, name_kana, type, status, version, updated_at)
                    values (?::uuid, ?, ?, ?, 'VERIFIED', 3, now())""");
                 PreparedStatement member = c.prepareStatement("""
                         insert into directory_membership (organization_id, subject, role)
                         values (?::uuid, ?, 'REPRESENTATIVE')""")) {
                for (Organization o : orgs) {
                    org.setString(1, o.id());
                    org.setString(2, o.name());
                    org.setString(3, o.kana());
                    org.setString(4, o.type());
                    org.addBatch();
                    member.setString(1, o.id());
                    member.setString(2, subject(o.n()));
                    member.addBatch();
                }
                org.executeBatch();
                member.executeBatch();
            }
            c.commit();
        }
    }

    // ------------------------------------------------------------------------------------------------ proposals

    private void proposals() throws SQLException {
        try (Connection c = connect("kyodo_proposals"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(generatorFunctions());
            // Fifty themes of the demo department, five per fiscal year from 2016.
            s.execute("""
                    insert into theme (id, department_id, title, local_issue, fiscal_year, budget_ceiling_yen, opens_at,
                        closes_at, eligibility_notes, field, criteria_weights, published_by, published_at, version)
                    select md5('t-' || t)::uuid, department_id, pg_temp.kb_word(t) || '協働テーマ ' || t, local_issue,
                           2016 + mod(t, 10), budget_ceiling_yen, make_timestamptz(2016 + mod(t, 10) - 1, 12, 1, 0, 0, 0, 'Asia/Tokyo'),
                           make_timestamptz(2016 + mod(t, 10), 2, 1, 0, 0, 0, 'Asia/Tokyo'), eligibility_notes, field,
                           criteria_weights, published_by, published_at, 1
                      from theme, generate_series(1, 50) t where id = '%s'""".formatted(theme));
            // Proposal n: theme 1 + n %% 50, proposer organisation 1 + n %% orgs, state by n %% 10.
            s.execute("""
                    create temporary table kb_p on commit drop as
                    select x.*, row_number() over (partition by x.fy, x.status = 'DRAFT' order by x.n) as number from (
                    select n, md5('p-' || n)::uuid as id, md5('t-' || %1$s)::uuid as theme_id,
                           %2$s as fy, %3$s as org,
                           case n %% 10 when 0 then 'ADOPTED' when 1 then 'ADOPTED' when 2 then 'ADOPTED'
                                when 3 then 'ADOPTED' when 4 then 'NOT_ADOPTED' when 5 then 'WITHDRAWN'
                                when 6 then 'NOT_PURSUED' when 7 then 'SUBMITTED' when 8 then 'IN_CONSULTATION'
                                else 'DRAFT' end as status,
                           pg_temp.kb_word(n) || '・' || pg_temp.kb_word(n / 16) || '推進事業 ' || n as title,
                           timestamptz '2016-04-01 09:00+09' + n * interval '47 minutes' as created_at
                      from generate_series(1, %4$d) n) x""".formatted(THEME, FISCAL_YEAR, org(), proposals));
            s.execute("""
                    insert into proposal (id, status, origin, theme_id, content, revision, fiscal_year, reference_number,
                        consent_to_case_archive, created_by, created_at, submitted_at, decided_at, decision_rationale,
                        closing_reason, version)
                    select p.id, p.status, 'CITY_INITIATED', p.theme_id,
                           jsonb_set(replace(replace(t.content::text, '%1$s', p.org::text), '%2$s', p.theme_id::text)::jsonb,
                                     '{title}', to_jsonb(p.title)),
                           case when p.status = 'DRAFT' then 0 else 1 end,
                           case when p.status = 'DRAFT' then null else p.fy end,
                           case when p.status = 'DRAFT' then null
                                else p.fy || '-' || lpad(p.number::text, greatest(4, length(p.number::text)), '0') end,
                           case when p.status = 'DRAFT' then null else true end,
                           'bench-' || p.org, p.created_at,
                           case when p.status = 'DRAFT' then null else p.created_at + interval '1 day' end,
                           case when p.status in ('ADOPTED', 'NOT_ADOPTED') then p.created_at + interval '60 days' end,
                           case when p.status = 'ADOPTED' then '地域の課題に即し、実現可能性が高い'
                                when p.status = 'NOT_ADOPTED' then '事業費の積算に根拠が不足している' end,
                           case when p.status in ('NOT_ADOPTED', 'WITHDRAWN', 'NOT_PURSUED') then '負荷試験の終了理由' end,
                           5
                      from kb_p p, proposal t where t.id = '%3$s'""".formatted(npo, theme, template));
            counts.put("proposal", proposals);
            s.execute("""
                    insert into proposal_version (id, proposal_id, number, content, note, published_by, published_at)
                    select md5('pv-' || p.n)::uuid, p.id, 1, x.content, 'submitted', x.created_by, x.submitted_at
                      from kb_p p join proposal x on x.id = p.id where p.status <> 'DRAFT'""");
            s.execute("""
                    insert into screening (proposal_id, theme_id, round, reviewers, criteria_weights, opened_by, opened_at)
                    select p.id, p.theme_id, 1, t.reviewers, t.criteria_weights, t.opened_by, p.created_at + interval '30 days'
                      from kb_p p, screening t where t.proposal_id = '%s' and p.status in ('ADOPTED', 'NOT_ADOPTED')"""
                    .formatted(template));
            s.execute("""
                    insert into reviewer_score (id, proposal_id, reviewer, scores, submitted_at)
                    select md5('rs-' || p.n)::uuid, p.id, t.reviewer, t.scores, p.created_at + interval '40 days'
                      from kb_p p, reviewer_score t where t.proposal_id = '%s' and p.status in ('ADOPTED', 'NOT_ADOPTED')"""
                    .formatted(template));
            s.execute("""
                    insert into consultation_case (proposal_id, reference_number, fiscal_year, theme_id, department_id, field,
                        outcome, reason, title, local_issue, approach, proposing_organization_ids, identity_removed, closed_at,
                        search_text, search_bigrams)
                    select x.id, x.reference_number, x.fiscal_year, x.theme_id, (x.content ->> 'departmentId')::uuid,
                           x.content ->> 'field', x.status, x.closing_reason, x.content ->> 'title',
                           x.content ->> 'localIssue', x.content ->> 'approach', x.content -> 'proposingOrganizationIds',
                           false, x.created_at + interval '60 days', pg_temp.kb_fold(f.searchable), pg_temp.kb_bigrams(pg_temp.kb_fold(f.searchable))
                      from kb_p p join proposal x on x.id = p.id,
                           lateral (select concat_ws(chr(166), x.content ->> 'title', x.content ->> 'localIssue',
                                                     x.content ->> 'approach', x.closing_reason) as searchable) f
                     where p.status in ('NOT_ADOPTED', 'WITHDRAWN', 'NOT_PURSUED')""");
            s.execute("""
                    insert into reference_number_counter (fiscal_year, last_number)
                    select fiscal_year, max(split_part(reference_number, '-', 2)::int) from proposal
                     where reference_number is not null group by fiscal_year
                    on conflict (fiscal_year) do update set last_number = greatest(excluded.last_number,
                        reference_number_counter.last_number)""");
            countRows(s, "theme", "proposal_version", "screening", "reviewer_score", "consultation_case");
            c.commit();
            analyze(c);
        }
    }

    // ------------------------------------------------------------------------------------------------ agreements

    /** Agreement of adopted proposal n: by (n / 10) % 4 a draft, active, completed or active. */
    private void agreements() throws SQLException {
        String templateAgreement;
        try (Connection c = connect("kyodo_agreements"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id from agreement where proposal_id = '" + template + "'")) {
                rs.next();
                templateAgreement = rs.getString(1);
            }
            c.setAutoCommit(false);
            s.execute("""
                    create temporary table kb_a on commit drop as
                    select n, md5('a-' || n)::uuid as id, md5('p-' || n)::uuid as proposal_id,
                           %1$s as org, %2$s as fy,
                           case (n / 10) %% 4 when 0 then 'DRAFT' when 2 then 'COMPLETED' else 'ACTIVE' end as state,
                           timestamptz '2016-04-01 09:00+09' + n * interval '47 minutes' + interval '61 days' as created_at
                      from generate_series(1, %3$d) n where n %% 10 < 4""".formatted(org(), FISCAL_YEAR, proposals));
            s.execute("""
                    insert into agreement (id, proposal_id, title, state, amendment_state, working_copy, latest_version,
                        version_in_force, pending_version, end_reason, ended_at, created_at, updated_at, version)
                    select a.id, a.proposal_id, '協定 ' || a.n, a.state, 'NONE',
                           replace(replace(t.working_copy, '%1$s', a.proposal_id::text), '%2$s', a.org::text),
                           case when a.state = 'DRAFT' then t.latest_version else 1 end,
                           case when a.state = 'DRAFT' then null else 1 end, null, null,
                           case when a.state = 'COMPLETED' then a.created_at + interval '400 days' end,
                           a.created_at, a.created_at, 4
                      from kb_a a, agreement t where t.id = '%3$s'""".formatted(template, npo, templateAgreement));
            s.execute("""
                    insert into agreement_party (agreement_id, organization_id)
                    select a.id, a.org from kb_a a union all select a.id, '%s'::uuid from kb_a a""".formatted(department));
            s.execute("""
                    insert into agreement_version (id, agreement_id, number, content, content_sha256, frozen_at, frozen_by)
                    select md5('av-' || a.n)::uuid, a.id, 1, x.working_copy,
                           encode(sha256(convert_to(x.working_copy, 'UTF8')), 'hex'), a.created_at + interval '20 days',
                           '%s'
                      from kb_a a join agreement x on x.id = a.id where a.state <> 'DRAFT'""".formatted(Benchmark.STAFF1));
            countRows(s, "agreement", "agreement_party", "agreement_version");
            c.commit();
            analyze(c);
        }
    }

    // ------------------------------------------------------------------------------------------------ evaluations

    /** A plan per agreement in force or completed; completed ones have a published final round. */
    private void evaluations() throws SQLException {
        List<String> items = new ArrayList<>();
        DemoUserClient api = new DemoUserClient(issuer);
        for (var item : api.get("staff1", gateway + "/api/evaluations/items").expect(200).body()) {
            String per = item.path("scoredPer").asText();
            if (!"INDICATOR".equals(per) && !"GOAL".equals(per)) {
                items.add(item.path("item").asText());
            }
        }
        String itemArray = "array['" + String.join("','", items) + "']";
        try (Connection c = connect("kyodo_evaluations"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    create temporary table kb_e on commit drop as
                    select n, md5('e-' || n)::uuid as id, md5('a-' || n)::uuid as agreement_id,
                           md5('p-' || n)::uuid as proposal_id, %1$s as org,
                           %2$s as fy, (n / 10) %% 4 = 2 as completed,
                           timestamptz '2016-04-01 09:00+09' + n * interval '47 minutes' + interval '90 days' as created_at
                      from generate_series(1, %3$d) n where n %% 10 < 4 and (n / 10) %% 4 <> 0"""
                    .formatted(org(), FISCAL_YEAR, proposals));
            s.execute("""
                    insert into evaluation_plan (id, agreement_id, agreement_version, proposal_id, title, field,
                        collaboration_form, activity_area, document_version, fiscal_years, term_start, term_end,
                        created_at, version)
                    select e.id, e.agreement_id, 3, e.proposal_id, '協定 ' || e.n, 'ENVIRONMENT', 'JOINT_FUNDING', 'C', 1,
                           e.fy::text, make_date(e.fy, 4, 1), make_date(e.fy + 1, 3, 31), e.created_at, 1
                      from kb_e e""");
            s.execute("""
                    insert into evaluation_plan_party (plan_id, position, organization_id, actor_type, name)
                    select e.id, 0, '%s'::uuid, 'CITY_DEPARTMENT', '市民協働推進課' from kb_e e
                    union all
                    select e.id, 1, e.org, o.type, o.name from kb_e e join directory_organization o on o.id = e.org"""
                    .formatted(department));
            s.execute("""
                    insert into evaluation_plan_goal (plan_id, position, goal_id, description)
                    select e.id, 0, md5('g-' || e.n)::uuid, '花壇を市民の手で年間を通じて維持する' from kb_e e""");
            s.execute("""
                    insert into evaluation_round (id, plan_id, kind, fiscal_year, status, opened_at, in_review_at,
                        closed_at, published_at, submitted_count, version)
                    select md5('r-' || e.n)::uuid, e.id, case when e.completed then 'FINAL' else 'INTERIM' end, e.fy,
                           case when e.completed then 'PUBLISHED' else 'OPEN' end, e.created_at + interval '300 days',
                           case when e.completed then e.created_at + interval '320 days' end,
                           case when e.completed then e.created_at + interval '330 days' end,
                           case when e.completed then e.created_at + interval '340 days' end,
                           case when e.completed then 2 else 0 end, case when e.completed then 5 else 1 end
                      from kb_e e""");
            s.execute("""
                    insert into self_assessment (id, round_id, organization_id, submitted_by, submitted_at, version)
                    select md5('sa-' || e.n || '-' || x.pos)::uuid, md5('r-' || e.n)::uuid, x.org, 'bench-' || x.org,
                           e.created_at + interval '310 days', 1
                      from kb_e e, lateral (values (0, '%s'::uuid), (1, e.org)) x(pos, org) where e.completed"""
                    .formatted(department));
            s.execute("""
                    insert into self_assessment_score (self_assessment_id, position, item, score, reason)
                    select md5('sa-' || e.n || '-' || x.pos)::uuid, i.ord - 1, i.item, 1 + (e.n + i.ord) %% 5,
                           '負荷試験の評価理由'
                      from kb_e e, (values (0), (1)) x(pos), unnest(%s) with ordinality i(item, ord)
                     where e.completed""".formatted(itemArray));
            s.execute("""
                    insert into evaluation_finding (id, round_id, item, finding, improvement, recorded_for, recorded_by,
                        recorded_at)
                    select md5('f-' || e.n)::uuid, md5('r-' || e.n)::uuid, null, '役割分担が明確で連携が円滑だった',
                           '次年度は広報を早める', '%s'::uuid, '%s', e.created_at + interval '325 days'
                      from kb_e e where e.completed""".formatted(department, Benchmark.STAFF1));
            countRows(s, "evaluation_plan", "evaluation_round", "self_assessment", "self_assessment_score",
                    "evaluation_finding");
            c.commit();
            analyze(c);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * SQL twins of SearchableText.fold and bigrams (NFKC, lower case, hiragana as katakana, no white space; the
     * generated text has no variant kanji), and the word list titles are made of. Temporary: gone at commit.
     */
    private static String generatorFunctions() {
        StringBuilder hiragana = new StringBuilder();
        StringBuilder katakana = new StringBuilder();
        for (int cp = 0x3041; cp <= 0x3096; cp++) {
            hiragana.appendCodePoint(cp);
            katakana.appendCodePoint(cp + 0x60);
        }
        return """
                create function pg_temp.kb_fold(t text) returns text language sql immutable as $$
                  select regexp_replace(translate(lower(normalize(t, NFKC)), '%s', '%s'), '[[:space:]\u3000]', '', 'g')
                $$;
                create function pg_temp.kb_bigrams(f text) returns text[] language sql immutable as $$
                  select case when length(f) = 1 then array[f]
                              else array(select distinct substr(f, k, 2) from generate_series(1, length(f) - 1) k) end
                $$;
                create function pg_temp.kb_word(n bigint) returns text language sql immutable as $$
                  select (array['%s'])[1 + n %% %d]
                $$;
                """.formatted(hiragana, katakana, String.join("','", WORDS), WORDS.length);
    }

    private void countRows(Statement s, String... tables) throws SQLException {
        for (String table : tables) {
            try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
    }

    private static void analyze(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    private Connection connect(String db) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl.apply(db), StackConfig.DB_USER, StackConfig.DB_PASSWORD);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path = public, pg_temp");
        }
        return c;
    }

    /** The proposing organisation of proposal n, scattered over the organisations. */
    private String org() {
        return "md5('o-' || (1 + mod(abs(hashint4(n)), " + organizations + ")))::uuid";
    }

    private static String subject(int n) {
        return "bench-representative-" + n;
    }

    private static void log(String what, long t0) {
        System.out.printf(Locale.ROOT, "  loaded %s in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    /** The id of generated item n of a kind, as every database computes it: md5 of "kind-n" read as a UUID. */
    static String id(String kind, int n) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((kind + "-" + n).getBytes(
                    StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SearchableText.fold for the generated names (which have no variant kanji). */
    static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder();
        nfkc.codePoints().forEach(cp -> {
            if (!Character.isWhitespace(cp) && cp != '\u3000') {
                folded.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp);
            }
        });
        return folded.toString();
    }

    static Set<String> bigrams(String text) {
        int[] cps = fold(text).codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
