package jp.kyodo.agreement.document;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.OutcomeOwnership;
import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.OutcomeOwner;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.domain.content.SealBlock;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.AttachmentKind;
import jp.kyodo.kernel.FiscalYear;

/**
 * Renders what a frozen version produces (the 協定書 for now; see {@link DocumentKind}) from its Qute template, in
 * Japanese: as HTML to read in a browser, or as the well-formed XHTML the PDF is made from. The PDF form leaves out
 * what changes after the freeze (the signatures recorded so far, whether the version is in force): it is rendered
 * once, and signatures are added to those bytes.
 */
@ApplicationScoped
public class DocumentRenderer {

    /** A row of the document's tables, already in words a reader of the printed page understands. */
    @TemplateData
    public record Row(String a, String b, String c, String d) {
    }

    /**
     * A party's 記名押印 block as printed: the date is that of the party's signature (in the PDF, the time its
     * electronic signature records), and the mark says how it signs.
     */
    @TemplateData
    public record Seal(String address, String organization, String signer, String contact, String date,
            String mark) {
    }

    @Inject
    DocumentsConfig config;

    @Inject
    @Location("agreement-document.html")
    Template template;

    @Inject
    Procedures procedures;

    /** The HTML document to read, with the signatures recorded so far. */
    public String html(Agreement agreement, AgreementVersion version) {
        return render(agreement, version, false);
    }

    /** The XHTML the version's PDF is rendered from, once, when the version is frozen. */
    public String forPdf(Agreement agreement, AgreementVersion version) {
        return render(agreement, version, true);
    }

    private String render(Agreement agreement, AgreementVersion version, boolean pdf) {
        AgreementContent content = CanonicalJson.read(version.content);
        Map<UUID, String> names = content.parties().stream()
                .collect(Collectors.toMap(Party::organizationId, p -> p.name() == null ? p.organizationId().toString()
                        : p.name(), (a, b) -> a));
        Function<UUID, String> name = id -> names.getOrDefault(id, id.toString());
        CostTotals totals = CostTotals.of(content);
        List<Row> parties = content.parties().stream().map(p -> new Row(name.apply(p.organizationId()),
                actorTypeJa(p), p.roleDescription() == null ? "" : p.roleDescription(), "")).toList();
        List<Row> tasks = content.tasks().stream().map(t -> new Row(t.description(), name.apply(t.responsiblePartyId()),
                t.supportingPartyIds().stream().map(name).collect(Collectors.joining("、")), "")).toList();
        List<Row> costs = content.costs().lines().stream().map(l -> new Row(name.apply(l.organizationId()),
                FiscalYear.of(l.fiscalYear()).eraName(), l.item(), yen(l.amountYen()))).toList();
        List<Row> inKind = content.costs().inKind().stream().map(c -> new Row(name.apply(c.organizationId()),
                c.description(), c.estimatedValueYen() == null ? "" : yen(c.estimatedValueYen()), "")).toList();
        List<Row> liabilities = content.liabilities().stream().map(l -> new Row(liabilityJa(l.kind().name()),
                l.description(), name.apply(l.responsiblePartyId()), "")).toList();
        List<Row> ownership = content.deliverables().stream().map(d -> new Row(d.name(),
                OutcomeOwnership.ownerOf(content.activityArea(), d).map(OutcomeOwner::japanese).orElse("未定"),
                OutcomeOwnership.copyrightHolderOf(content.activityArea(), d).map(OutcomeOwner::japanese).orElse("未定"),
                d.ownershipClause() == null ? "" : d.ownershipClause())).toList();
        List<Row> milestones = content.milestones().stream().map(m -> new Row(date(m.dueDate()), m.name(),
                m.kind().name().equals("REFLECTION") ? "振り返り" : "工程", "")).toList();
        List<Row> indicators = content.targets().indicators().stream().map(i -> new Row(i.name(),
                i.targetValue().toPlainString(), i.unit(), "")).toList();
        List<Signature> recorded = pdf ? List.of() : Signature.on(agreement.id, version.number);
        List<Seal> seals = content.parties().stream().map(p -> seal(p, name.apply(p.organizationId()), pdf, recorded))
                .toList();
        List<Row> annex = content.attachments().stream().map(f -> new Row(kindJa(f.kind()), f.fileName(),
                String.format("%,d バイト", f.sizeBytes()), f.sha256())).toList();
        List<Row> signatures = recorded.stream().map(s -> new Row(
                name.apply(s.organizationId), s.signerRole.name().equals("SIGNATORY") ? "決裁権者" : "代表者",
                date(s.signedAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate()),
                s.contentSha256)).toList();
        FormProcedure procedure = procedures.of(content.form());
        // A version the city decides is the partner's application; the notice the decision issues is its own document.
        String documentTitle = procedure.decidedByCity()
                ? (content.form() == jp.kyodo.kernel.CollaborationForm.SUBSIDY ? "補助金交付申請書" : "後援名義使用承認申請書")
                : procedure.versionDocument().titleJa();
        return template.data("title", content.title())
                .data("documentTitle", documentTitle)
                .data("pdf", pdf)
                .data("seals", seals)
                .data("annex", annex)
                .data("version", version.number)
                .data("sha256", version.contentSha256)
                .data("frozenOn", date(version.frozenAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate()))
                .data("inForce", Integer.valueOf(version.number).equals(agreement.versionInForce))
                .data("form", content.form().japanese())
                .data("area", areaJa(content.activityArea()))
                .data("agreeingParties", agreeingParties(content, name))
                .data("purpose", nullToEmpty(content.purpose()))
                .data("approach", nullToEmpty(content.approach()))
                .data("term", date(content.term().start()) + "から" + date(content.term().end()) + "まで")
                .data("parties", parties)
                .data("tasks", tasks)
                .data("costs", costs)
                .data("inKind", inKind)
                .data("taxNote", content.costs().consumptionTaxIncluded() == null ? "（消費税の扱い未記載）"
                        : content.costs().consumptionTaxIncluded() ? "（消費税込み）" : "（消費税抜き）")
                .data("totalYen", yen(totals.totalYen()))
                .data("cityShareYen", yen(totals.cityShareYen()))
                .data("liabilities", liabilities)
                .data("ownership", ownership)
                .data("milestones", milestones)
                .data("indicators", indicators)
                .data("goals", content.targets().outcomeGoals().stream().map(g -> g.description()).toList())
                .data("satisfaction", content.targets().satisfactionTarget() == null ? ""
                        : content.targets().satisfactionTarget().targetPercent().toPlainString() + "％以上（測定方法: "
                                + content.targets().satisfactionTarget().method() + "）")
                .data("clauses", java.util.stream.IntStream.range(0, content.clauses().size())
                        .mapToObj(i -> new Row("第" + (12 + i) + "条", content.clauses().get(i).heading(),
                                content.clauses().get(i).text(), "")).toList())
                .data("signatures", signatures)
                .render();
    }

    private Seal seal(Party party, String directoryName, boolean pdf, List<Signature> recorded) {
        SealBlock block = party.sealBlock() == null ? new SealBlock(null, null, null, null, null) : party.sealBlock();
        String signer = join(block.title(), block.name());
        // The PDF is fixed at the freeze: the date of each signature is the one its electronic signature records.
        String date = pdf ? "電子署名に記録された日時による" : recorded.stream()
                .filter(s -> s.organizationId.equals(party.organizationId())).findFirst()
                .map(s -> date(s.signedAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate())).orElse("（未署名）");
        if (party.isCityDepartment()) {
            return new Seal(nullToEmpty(block.address()),
                    block.organizationName() != null ? block.organizationName() : config.cityName(),
                    signer.isEmpty() ? config.cityHeadTitle() : signer,
                    block.contact() != null ? block.contact() : directoryName, date, pdf ? "電子署名" : "印");
        }
        return new Seal(nullToEmpty(block.address()),
                block.organizationName() != null ? block.organizationName() : directoryName,
                signer, nullToEmpty(block.contact()), date, pdf ? "電子署名\n（立会人型）" : "印");
    }

    /** Who agrees, as the opening sentence names them: the city (with its department) and the other parties. */
    private String agreeingParties(AgreementContent content, Function<UUID, String> name) {
        List<String> parties = content.parties().stream().map(p -> p.isCityDepartment()
                ? config.cityName() + "（所管課: " + name.apply(p.organizationId()) + "）"
                : name.apply(p.organizationId())).distinct().toList();
        return parties.size() <= 1 ? String.join("", parties)
                : String.join("、", parties.subList(0, parties.size() - 1)) + "及び" + parties.get(parties.size() - 1);
    }

    private static String join(String a, String b) {
        return (nullToEmpty(a) + " " + nullToEmpty(b)).strip();
    }

    private static String kindJa(String kind) {
        try {
            return AttachmentKind.valueOf(kind).japanese();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    private static String yen(Long amount) {
        return String.format("%,d円", amount == null ? 0 : amount);
    }

    /** A date as city documents write it: in the Japanese era (令和6年4月1日; the first year of an era is 元年). */
    static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        JapaneseDate japanese = JapaneseDate.from(date);
        int year = japanese.get(ChronoField.YEAR_OF_ERA);
        return japanese.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN) + (year == 1 ? "元" : year) + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String areaJa(ActivityArea area) {
        return area.name() + "（" + switch (area) {
            case B -> "市民が主体となり、市が支援する領域";
            case C -> "市民と市が対等に取り組む領域";
            case D -> "市が主体となり、市民が参加する領域";
        } + "）";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String actorTypeJa(Party p) {
        if (p.actorType() == null) {
            return "";
        }
        return switch (p.actorType()) {
            case RESIDENT_GROUP -> "住民等";
            case COMMUNITY_ASSOCIATION -> "地域活動団体";
            case CIVIC_GROUP -> "市民活動団体";
            case BUSINESS -> "企業等";
            case PUBLIC_INTEREST_CORPORATION -> "公益法人等";
            case ACADEMIC -> "大学等";
            case PUBLIC_AGENCY -> "国等の機関";
            case CITY_DEPARTMENT -> "市の所管課";
            case INTERMEDIARY -> "中間支援組織";
        };
    }

    private static String liabilityJa(String kind) {
        return switch (kind) {
            case "INSURANCE" -> "保険加入";
            case "PERSONAL_DATA" -> "個人情報の取扱い";
            case "ACCIDENT" -> "事故対応";
            default -> "その他";
        };
    }
}
