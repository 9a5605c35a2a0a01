package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import jp.kyodo.kernel.FiscalYear;

/** Renders a frozen version as its printable document (協定書, 委託契約書, 合意書, or the application), in Japanese. */
@ApplicationScoped
public class AgreementDocument {

    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** A row of the document's tables, already in words a reader of the printed page understands. */
    @TemplateData
    public record Row(String a, String b, String c, String d) {
    }

    @Inject
    @Location("agreement-document.html")
    Template template;

    @Inject
    Procedures procedures;

    public String render(Agreement agreement, AgreementVersion version) {
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
        List<Row> signatures = Signature.on(agreement.id, version.number).stream().map(s -> new Row(
                name.apply(s.organizationId), s.signerRole.name().equals("SIGNATORY") ? "決裁権者" : "代表者",
                s.signedAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate().format(JAPANESE_DATE),
                s.contentSha256)).toList();
        FormProcedure procedure = procedures.of(content.form());
        // A version the city decides is the partner's application; the notice the decision issues is its own document.
        String documentTitle = procedure.decidedByCity()
                ? (content.form() == jp.kyodo.kernel.CollaborationForm.SUBSIDY ? "補助金交付申請書" : "後援名義使用承認申請書")
                : procedure.versionDocument().titleJa();
        return template.data("title", content.title())
                .data("documentTitle", documentTitle)
                .data("version", version.number)
                .data("sha256", version.contentSha256)
                .data("frozenOn", date(version.frozenAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate()))
                .data("inForce", Integer.valueOf(version.number).equals(agreement.versionInForce))
                .data("form", content.form().japanese())
                .data("area", content.activityArea().name())
                .data("purpose", nullToEmpty(content.purpose()))
                .data("approach", nullToEmpty(content.approach()))
                .data("term", date(content.term().start()) + " から " + date(content.term().end()) + " まで")
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

    private static String yen(Long amount) {
        return String.format("%,d円", amount == null ? 0 : amount);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.format(JAPANESE_DATE);
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
