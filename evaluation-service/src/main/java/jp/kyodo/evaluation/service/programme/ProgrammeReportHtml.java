package jp.kyodo.evaluation.service.programme;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jboss.logging.Logger;

import jp.kyodo.evaluation.service.programme.ProgrammeReport.Breakdown;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.Count;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.YearFigures;

/**
 * The report as the HTML document a city attaches to its ordinance review: tables and SVG charts comparing the
 * report year with the two before it, in Japanese, readable on screen and on paper (A4, no script, no external
 * resource). Every value is escaped; codes are shown by their Japanese names.
 */
public final class ProgrammeReportHtml {

    private static final Logger LOG = Logger.getLogger(ProgrammeReportHtml.class);

    private static final Map<String, String> LABELS = labels();

    private ProgrammeReportHtml() {
    }

    public static String render(ProgrammeReport report) {
        YearFigures now = report.reportYear();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(report.fiscalYearEraName())).append(" 協働推進の年次報告</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        html.append("<header><h1>").append(esc(report.fiscalYearEraName())).append("（").append(report.fiscalYear())
                .append("年度） 協働推進の年次報告</h1><p class=\"lead\">協働推進条例の見直しのための資料です。")
                .append("総合相談窓口の相談、協働事業提案と採択、協定と費用、評価結果、意見公募を、前2年度と比べて示します。</p>")
                .append("<p class=\"meta\">公開者: ").append(esc(report.publisher())).append("　作成: ")
                .append(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Tokyo"))
                        .format(report.generatedAt()))
                .append("　ライセンス: <a href=\"").append(esc(report.licence().url())).append("\">")
                .append(esc(report.licence().name())).append("</a>（").append(esc(report.licence().attribution()))
                .append("）</p><p class=\"meta\">件数が").append(report.minimumCases())
                .append("件未満の区分は、個別の事案が特定されないよう「—」で秘匿しています。評価結果は公表済みの評価のみを集計しています。</p></header>\n");

        section(html, "1. 総合相談窓口の相談", "consultations");
        table(html, new String[] { "年度", "受付", "終了" }, report.years(),
                y -> new Object[] { y.fiscalYear(), y.consultations().received(), y.consultations().closed() });
        chart(html, "相談件数（受付方法別）", () -> ProgrammeCharts.bars("chart-consultations", "件数",
                stackedCounts(report.years(), y -> y.consultations().byChannel()), true, false));
        counts(html, "受付方法別（" + now.fiscalYear() + "年度）", now.consultations().byChannel());
        counts(html, "分野別（" + now.fiscalYear() + "年度）", now.consultations().byField());
        counts(html, "対応結果別（" + now.fiscalYear() + "年度）", now.consultations().byOutcome());
        html.append("</section>\n");

        section(html, "2. 協働事業提案と採択", "proposals");
        table(html, new String[] { "年度", "提案", "採択", "不採択", "取下げ", "相談終了" }, report.years(),
                y -> new Object[] { y.fiscalYear(), y.proposals().received(), y.proposals().adopted(),
                        y.proposals().notAdopted(), y.proposals().withdrawn(), y.proposals().notPursued() });
        Map<String, Map<String, ? extends Number>> byOrigin = new LinkedHashMap<>();
        for (YearFigures y : report.years()) {
            Map<String, Long> series = new LinkedHashMap<>();
            for (String origin : List.of("CITY_INITIATED", "CITIZEN_INITIATED")) {
                Breakdown b = y.proposals().byOrigin().stream().filter(x -> x.key().equals(origin)).findFirst()
                        .orElse(new Breakdown(origin, 0, 0));
                series.put(label(origin) + " 提案", b.received());
                series.put(label(origin) + " 採択", b.adopted());
            }
            byOrigin.put(y.fiscalYear() + "年度", series);
        }
        chart(html, "提案と採択（発意別）", () -> ProgrammeCharts.bars("chart-proposals", "件数", byOrigin, false, false));
        breakdown(html, "発意別", now.proposals().byOrigin());
        breakdown(html, "分野別", now.proposals().byField());
        breakdown(html, "協働の形態別（希望）", now.proposals().byForm());
        breakdown(html, "提案者の主体別", now.proposals().byActorType());
        breakdown(html, "所管課別", now.proposals().byDepartment());
        html.append("<h3>所要日数</h3>");
        table(html, new String[] { "年度", "提出→採否決定（件）", "中央値（日）", "平均（日）", "採択→協定締結（件）", "中央値（日）", "平均（日）" },
                report.years(), y -> new Object[] { y.fiscalYear(), y.durations().submissionToDecision().cases(),
                        days(y.durations().submissionToDecision().medianDays(), y.durations().submissionToDecision().hidden()),
                        days(y.durations().submissionToDecision().meanDays(), y.durations().submissionToDecision().hidden()),
                        y.durations().adoptionToAgreement().cases(),
                        days(y.durations().adoptionToAgreement().medianDays(), y.durations().adoptionToAgreement().hidden()),
                        days(y.durations().adoptionToAgreement().meanDays(), y.durations().adoptionToAgreement().hidden()) });
        html.append("</section>\n");

        section(html, "3. 協定と費用（協働の形態別）", "money");
        table(html, new String[] { "年度", "締結した協定", "市の負担額", "協働相手の負担額", "精算額" }, report.years(),
                y -> new Object[] { y.fiscalYear(), y.money().agreementsActivated(), yen(y.money().cityShareYen()),
                        yen(y.money().partnerShareYen()), yen(y.money().settledYen()) });
        Map<String, Map<String, ? extends Number>> money = new LinkedHashMap<>();
        for (var f : now.money().byForm()) {
            Map<String, Double> shares = new LinkedHashMap<>();
            shares.put("市の負担額（千円）", f.cityShareYen() / 1000.0);
            shares.put("協働相手の負担額（千円）", f.partnerShareYen() / 1000.0);
            money.put(label(f.form()), shares);
        }
        if (!money.isEmpty()) {
            chart(html, now.fiscalYear() + "年度の負担額（形態別）",
                    () -> ProgrammeCharts.bars("chart-money", "千円", sorted(money), true, true));
        }
        table(html, new String[] { "協働の形態", "協定", "市の負担額", "協働相手の負担額", "精算額", "うち返還額" },
                now.money().byForm(), f -> new Object[] { label(f.form()), f.agreements(), yen(f.cityShareYen()),
                        yen(f.partnerShareYen()), yen(f.settledYen()), yen(f.returnedYen()) });
        html.append("</section>\n");

        section(html, "4. 評価結果（事業の評価・協働の評価）", "evaluations");
        table(html, new String[] { "年度", "評価を終えた回", "公表した回", "公表率", "相違のある項目の割合" }, report.years(),
                y -> new Object[] { y.fiscalYear(), y.evaluations().finished(), y.evaluations().published(),
                        percent(y.evaluations().publishedShare()), y.evaluations().divergentItemShare() == null
                                && y.evaluations().tracks().stream().anyMatch(ProgrammeReport.TrackFigures::hidden)
                                        ? "—" : percent(y.evaluations().divergentItemShare()) });
        Map<String, Map<String, ? extends Number>> scores = new LinkedHashMap<>();
        for (var t : now.evaluations().tracks()) {
            if (t.hidden()) {
                continue;
            }
            for (int s = 1; s <= 5; s++) {
                scores.computeIfAbsent("評点" + s, k -> new LinkedHashMap<String, Long>());
                @SuppressWarnings("unchecked")
                Map<String, Long> cell = (Map<String, Long>) scores.get("評点" + s);
                cell.put(label(t.track()), t.distribution().get(s - 1));
            }
        }
        if (!scores.isEmpty()) {
            chart(html, now.fiscalYear() + "年度の評点の分布（二つの評価を分けて集計）",
                    () -> ProgrammeCharts.bars("chart-scores", "件数", scores, false, false));
        }
        table(html, new String[] { "評価", "公表した回", "評点1", "評点2", "評点3", "評点4", "評点5", "平均" },
                now.evaluations().tracks(), t -> t.hidden()
                        ? new Object[] { label(t.track()), t.rounds(), "—", "—", "—", "—", "—", "—" }
                        : new Object[] { label(t.track()), t.rounds(), t.distribution().get(0), t.distribution().get(1),
                                t.distribution().get(2), t.distribution().get(3), t.distribution().get(4),
                                t.mean() == null ? "" : t.mean().toPlainString() });
        html.append("<p class=\"note\">事業の評価と協働の評価は一つの点数にまとめず、別々に集計しています。</p></section>\n");

        section(html, "5. 意見公募（パブリックコメント）", "public-comments");
        table(html, new String[] { "年度", "実施した意見公募", "寄せられた意見", "結果を公表" }, report.years(),
                y -> new Object[] { y.fiscalYear(), y.publicComments().periods(), y.publicComments().commentsReceived(),
                        y.publicComments().resultsPublished() });
        Map<String, Map<String, ? extends Number>> comments = new LinkedHashMap<>();
        report.years().forEach(y -> comments.put(y.fiscalYear() + "年度", Map.of("寄せられた意見", y.publicComments().commentsReceived())));
        chart(html, "寄せられた意見の件数", () -> ProgrammeCharts.bars("chart-comments", "件数", comments, false, false));
        html.append("</section>\n<footer><p>この資料は ").append(esc(report.licence().name()))
                .append(" の下で公開しています。利用する際は「").append(esc(report.licence().attribution()))
                .append("」と表示してください。同じ数値は CSV（BOM付き UTF-8）と JSON でも入手できます。</p></footer>\n</body></html>\n");
        return html.toString();
    }

    private static Map<String, Map<String, ? extends Number>> stackedCounts(List<YearFigures> years,
            Function<YearFigures, List<Count>> counts) {
        Map<String, Map<String, ? extends Number>> data = new LinkedHashMap<>();
        for (YearFigures y : years) {
            Map<String, Long> series = new LinkedHashMap<>();
            for (Count c : counts.apply(y)) {
                // A hidden cell is drawn as nothing rather than as its value.
                series.put(label(c.key()), c.hidden() ? 0L : c.count());
            }
            data.put(y.fiscalYear() + "年度", series);
        }
        return data;
    }

    private static Map<String, Map<String, ? extends Number>> sorted(Map<String, Map<String, ? extends Number>> data) {
        return new java.util.TreeMap<>(data);
    }

    private static void section(StringBuilder html, String title, String id) {
        html.append("<section id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>");
    }

    private static void chart(StringBuilder html, String caption, java.util.function.Supplier<String> svg) {
        html.append("<figure>");
        try {
            html.append(svg.get());
        } catch (RuntimeException | Error e) {
            // A machine without fonts cannot lay charts out; the tables carry the same figures.
            LOG.warnf("chart '%s' could not be drawn: %s", caption, e.toString());
            html.append("<p class=\"note\">（グラフを描画できませんでした。数値は表をご覧ください。）</p>");
        }
        html.append("<figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    private static void counts(StringBuilder html, String caption, List<Count> counts) {
        html.append("<h3>").append(esc(caption)).append("</h3>");
        table(html, new String[] { "区分", "件数" }, counts,
                c -> new Object[] { label(c.key()), c.hidden() ? "—" : c.count() });
    }

    private static void breakdown(StringBuilder html, String caption, List<Breakdown> rows) {
        html.append("<h3>").append(esc(caption)).append("</h3>");
        table(html, new String[] { "区分", "提案", "採択" }, rows,
                b -> new Object[] { label(b.key()), b.received(), b.adopted() });
    }

    private static <T> void table(StringBuilder html, String[] head, List<T> rows, Function<T, Object[]> cells) {
        html.append("<table><thead><tr>");
        for (String h : head) {
            html.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"").append(head.length).append("\" class=\"empty\">該当なし</td></tr>");
        }
        for (T row : rows) {
            html.append("<tr>");
            Object[] values = cells.apply(row);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                boolean number = v instanceof Number;
                html.append(i == 0 ? "<th scope=\"row\">" : number ? "<td class=\"num\">" : "<td>")
                        .append(esc(v instanceof Number n && !(v instanceof Integer) ? NumberFormat.getIntegerInstance(Locale.JAPAN).format(n) : String.valueOf(v)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static String yen(long yen) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen) + " 円";
    }

    private static String days(BigDecimal days, boolean hidden) {
        return hidden ? "—" : days == null ? "" : days.toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share == null ? "" : share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String label(String code) {
        return LABELS.getOrDefault(code, code);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("COUNTER", "窓口");
        l.put("PHONE", "電話");
        l.put("EMAIL", "メール");
        l.put("ONLINE", "オンライン");
        l.put("OUTREACH", "出張相談");
        l.put("INFORMATION_GIVEN", "情報提供");
        l.put("REFERRED", "所管課へ引継ぎ");
        l.put("PROPOSAL_DRAFTED", "提案の作成");
        l.put("MATCHED", "人材・団体の紹介");
        l.put("CLOSED_WITHOUT_ACTION", "対応終了");
        l.put("CITY_INITIATED", "行政発意");
        l.put("CITIZEN_INITIATED", "市民発意");
        l.put("WELFARE", "福祉");
        l.put("CHILD_REARING", "子育て");
        l.put("DISASTER_PREVENTION", "防災");
        l.put("ENVIRONMENT", "環境");
        l.put("CULTURE_AND_ARTS", "文化・芸術");
        l.put("COMMUNITY_SAFETY", "防犯・地域安全");
        l.put("TOWN_PLANNING", "まちづくり");
        l.put("EDUCATION", "教育");
        l.put("HEALTH", "健康");
        l.put("INTERNATIONAL_EXCHANGE", "国際交流");
        l.put("OTHER", "その他");
        l.put("CO_HOSTING", "実行委員会・共催");
        l.put("AGREEMENT", "協定");
        l.put("JOINT_FUNDING", "協働負担金");
        l.put("COLLABORATIVE_COMMISSION", "協働型委託");
        l.put("PROJECT_COOPERATION", "事業協力");
        l.put("SUBSIDY", "補助");
        l.put("ADOPT_PROGRAM", "アダプト制度");
        l.put("ENDORSEMENT", "後援");
        l.put("RESIDENT_GROUP", "住民等");
        l.put("COMMUNITY_ASSOCIATION", "地域活動団体");
        l.put("CIVIC_GROUP", "市民活動団体");
        l.put("BUSINESS", "企業等");
        l.put("PUBLIC_INTEREST_CORPORATION", "公益法人等");
        l.put("ACADEMIC", "大学等");
        l.put("PUBLIC_AGENCY", "国等の機関");
        l.put("CITY_DEPARTMENT", "市の所管課");
        l.put("INTERMEDIARY", "中間支援組織");
        l.put("UNKNOWN", "不明");
        l.put("UNSPECIFIED", "未記入");
        l.put("PROJECT", "事業の評価");
        l.put("COLLABORATION", "協働の評価");
        return Map.copyOf(l);
    }

    private static final String CSS = """
            body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic","IPAexGothic",sans-serif;color:#111;\
            background:#fff;max-width:960px;margin:0 auto;padding:24px;line-height:1.6}\
            h1{font-size:1.6em;border-bottom:3px solid #1f3b73;padding-bottom:.3em}\
            h2{font-size:1.25em;border-left:6px solid #1f3b73;padding-left:.5em;margin-top:2em}\
            h3{font-size:1em;margin:1.2em 0 .4em}.lead{font-size:1.05em}.meta,.note{color:#333;font-size:.9em}\
            table{border-collapse:collapse;margin:.5em 0 1em;min-width:50%}th,td{border:1px solid #777;\
            padding:.25em .6em}thead th{background:#e8edf6}td.num{text-align:right;font-variant-numeric:tabular-nums}\
            td.empty{color:#555;text-align:center}figure{margin:1em 0}figure svg{max-width:100%;height:auto}\
            figcaption{font-size:.9em;color:#333;text-align:center}a{color:#1f3b73}\
            @page{size:A4;margin:15mm}@media print{body{padding:0;max-width:none;font-size:10.5pt}\
            section{break-inside:auto}figure,table,h2,h3{break-inside:avoid}h2,h3{break-after:avoid}\
            a{color:#111;text-decoration:none}}""";
}
