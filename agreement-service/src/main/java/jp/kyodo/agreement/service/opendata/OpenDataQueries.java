package jp.kyodo.agreement.service.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.terms.AdoptTerms;
import jp.kyodo.agreement.domain.content.terms.EndorsementTerms;
import jp.kyodo.agreement.domain.content.terms.SubsidyTerms;
import jp.kyodo.agreement.procedure.ActivityReportEntry;
import jp.kyodo.agreement.procedure.EndorsedEvent;
import jp.kyodo.agreement.procedure.GrantYear;
import jp.kyodo.agreement.procedure.ProcedureStep;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;

/**
 * Agreements as open data (公開): the public summary of every ACTIVE and COMPLETED agreement (the version in force,
 * never a pending amendment or a working copy), and its costs per party and fiscal year with the actual-cost reports
 * and settlements (public money is public). Liabilities, milestones, roles in prose, clauses not marked public,
 * signatures and people never appear. Each data set is read in a fixed number of queries, whatever its size.
 */
@ApplicationScoped
public class OpenDataQueries {

    private static final List<AgreementState> PUBLIC_STATES = List.of(AgreementState.ACTIVE, AgreementState.COMPLETED);

    @Inject
    EntityManager entityManager;

    @Inject
    Procedures procedures;

    /** The public summary of each agreement whose term touches the fiscal year (null: every year), oldest first. */
    @Transactional
    public List<AgreementRecord> agreements(FiscalYear year) {
        return published().stream().filter(p -> year == null || p.fiscalYears().contains(year.year()))
                .map(p -> AgreementRecord.of(p.agreement(), p.content(), party -> named(p.content(), party))).toList();
    }

    /** One record per published agreement, party and fiscal year of its term (null: every year). */
    @Transactional
    public List<AgreementCostRecord> costs(FiscalYear year) {
        Map<String, CostReport> reports = new HashMap<>();
        CostReport.<CostReport>list("agreementId in (select a.id from Agreement a where a.state in ?1)", PUBLIC_STATES)
                .forEach(r -> reports.put(key(r.agreementId, r.organizationId, r.fiscalYear), r));
        Map<String, Settlement> settlements = new HashMap<>();
        Settlement.<Settlement>list("agreementId in (select a.id from Agreement a where a.state in ?1)", PUBLIC_STATES)
                .forEach(s -> settlements.put(key(s.agreementId, s.organizationId, s.fiscalYear), s));
        List<AgreementCostRecord> records = new ArrayList<>();
        for (Published p : published()) {
            AgreementContent c = p.content();
            Map<UUID, Map<Integer, Long>> planned = CostTotals.of(c).perPartyAndYear();
            for (int fy : p.fiscalYears()) {
                if (year != null && fy != year.year()) {
                    continue;
                }
                for (Party party : c.parties()) {
                    String key = key(p.agreement().id, party.organizationId(), fy);
                    CostReport report = reports.get(key);
                    Settlement settlement = settlements.get(key);
                    boolean named = named(c, party);
                    records.add(new AgreementCostRecord(p.agreement().id, c.title(), p.agreement().state, fy,
                            named ? party.organizationId() : null, named ? party.name() : null, party.actorType(),
                            party.isCityDepartment(),
                            planned.getOrDefault(party.organizationId(), Map.of()).getOrDefault(fy, 0L),
                            c.costs().consumptionTaxIncluded(), report == null ? null : report.actualTotalYen,
                            settlement == null ? null : settlement.confirmedAmountYen,
                            settlement == null ? null : settlement.toPayYen,
                            settlement == null ? null : settlement.toReturnYen));
                }
            }
        }
        return records;
    }

    /** The grants of every published subsidy by fiscal year: the decision and the fixed amount (public money). */
    @Transactional
    public List<GrantRecord> grants(FiscalYear year) {
        List<Published> subsidies = ofForm(CollaborationForm.SUBSIDY);
        Map<UUID, List<ProcedureTrack>> tracks = tracks(subsidies, TrackKind.GRANT_YEAR);
        List<GrantRecord> records = new ArrayList<>();
        for (Published p : subsidies) {
            AgreementContent c = p.content();
            List<Party> recipients = c.parties().stream().filter(x -> !x.isCityDepartment()).toList();
            for (ProcedureTrack track : tracks.getOrDefault(p.agreement().id, List.of())) {
                GrantYear y = track.data(GrantYear.class);
                if (year != null && y.fiscalYear != year.year()) {
                    continue;
                }
                records.add(new GrantRecord(p.agreement().id, c.title(),
                        c.terms(SubsidyTerms.class).map(SubsidyTerms::programName).orElse(null), y.fiscalYear,
                        recipients.stream().map(Party::organizationId).toList(),
                        recipients.stream().map(x -> Objects.toString(x.name(), "")).toList(), department(c),
                        track.state(GrantState.class), y.decidedOn, y.decidedAmountYen.amount(), y.rate.toString(),
                        y.capYen.amount(), y.fixedOn, y.fixedAmountYen == null ? null : y.fixedAmountYen.amount(),
                        y.cancelledOn));
            }
        }
        return records;
    }

    /** Every event the city endorsed (in force or reported), with the decision. */
    @Transactional
    public List<EndorsedEventRecord> endorsedEvents(FiscalYear year) {
        List<Published> endorsements = ofForm(CollaborationForm.ENDORSEMENT);
        Map<UUID, List<ProcedureTrack>> tracks = tracks(endorsements, TrackKind.ENDORSED_EVENT);
        List<EndorsedEventRecord> records = new ArrayList<>();
        for (Published p : endorsements) {
            AgreementContent c = p.content();
            EndorsementTerms t = c.terms(EndorsementTerms.class).orElseThrow();
            if (year != null && t.firstDay() != null && !year.contains(t.firstDay())) {
                continue;
            }
            Party organizer = c.parties().stream().filter(x -> !x.isCityDepartment()).findFirst().orElse(null);
            EndorsedEvent event = tracks.getOrDefault(p.agreement().id, List.of()).stream().findFirst()
                    .map(tr -> tr.data(EndorsedEvent.class)).orElse(new EndorsedEvent());
            records.add(new EndorsedEventRecord(p.agreement().id, c.title(),
                    organizer == null ? null : organizer.organizationId(), organizer == null ? null : organizer.name(),
                    t.firstDay(), t.lastDay(), t.place(), t.feeCharged(), t.expectedAudience(), department(c),
                    event.decidedOn, event.conditions, p.agreement().state, event.attendance));
        }
        return records;
    }

    /** The register of adopted places; a group's name only with its consent. */
    @Transactional
    public List<AdoptedPlaceRecord> adoptedPlaces(FiscalYear year) {
        List<Published> adoptions = ofForm(CollaborationForm.ADOPT_PROGRAM);
        Map<UUID, List<ProcedureTrack>> tracks = tracks(adoptions, TrackKind.ACTIVITY_REPORTS);
        Map<UUID, List<ActivityReportEntry>> reports = new HashMap<>();
        List<UUID> trackIds = tracks.values().stream().flatMap(List::stream).map(t -> t.id).toList();
        Map<UUID, UUID> agreementOfTrack = new HashMap<>();
        tracks.values().stream().flatMap(List::stream).forEach(t -> agreementOfTrack.put(t.id, t.agreementId));
        if (!trackIds.isEmpty()) {
            ProcedureStep.<ProcedureStep>list("trackId in ?1", trackIds).forEach(step -> reports
                    .computeIfAbsent(agreementOfTrack.get(step.trackId), k -> new ArrayList<>())
                    .add(step.data(ActivityReportEntry.class)));
        }
        List<AdoptedPlaceRecord> records = new ArrayList<>();
        for (Published p : adoptions) {
            AgreementContent c = p.content();
            if (year != null && !p.fiscalYears().contains(year.year())) {
                continue;
            }
            AdoptTerms t = c.terms(AdoptTerms.class).orElseThrow();
            String group = c.parties().stream().filter(x -> !x.isCityDepartment() && named(c, x)).map(Party::name)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            List<ActivityReportEntry> done = reports.getOrDefault(p.agreement().id, List.of());
            BigDecimal waste = done.stream().map(r -> r.wasteCollectedKg).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            records.add(new AdoptedPlaceRecord(p.agreement().id, t.place().name(), t.place().kind(),
                    t.place().location(), t.place().extent(), p.agreement().state, c.term().start(), c.term().end(),
                    group, department(c), done.size(), waste));
        }
        return records;
    }

    /** Whether a party may be named in public (an adopt group only with its consent). */
    private boolean named(AgreementContent content, Party party) {
        return procedures.of(content.form()).namesPartyPublicly(content, party);
    }

    private List<Published> ofForm(CollaborationForm form) {
        return published().stream().filter(p -> p.content().form() == form).toList();
    }

    /** The tracks of a kind of the given agreements, in one query, by agreement. */
    private static Map<UUID, List<ProcedureTrack>> tracks(List<Published> published, TrackKind kind) {
        if (published.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ProcedureTrack>> byAgreement = new HashMap<>();
        ProcedureTrack.<ProcedureTrack>list("kind = ?1 and agreementId in ?2 order by trackKey", kind,
                published.stream().map(p -> p.agreement().id).toList())
                .forEach(t -> byAgreement.computeIfAbsent(t.agreementId, k -> new ArrayList<>()).add(t));
        return byAgreement;
    }

    private static String department(AgreementContent c) {
        return c.departments().stream().map(Party::name).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** An ACTIVE or COMPLETED agreement with the content of its version in force. */
    private record Published(Agreement agreement, AgreementContent content) {

        /** The fiscal years the term touches (costs can only be planned in those). */
        List<Integer> fiscalYears() {
            return content.term().fiscalYears();
        }
    }

    /** Every published agreement with its version in force, oldest first, in one query. */
    private List<Published> published() {
        List<Object[]> rows = entityManager.createQuery("select a, v from Agreement a, AgreementVersion v"
                + " where v.agreementId = a.id and v.number = a.versionInForce and a.state in :states"
                + " order by a.createdAt, a.id", Object[].class).setParameter("states", PUBLIC_STATES).getResultList();
        return rows.stream().map(row -> new Published((Agreement) row[0],
                CanonicalJson.read(((AgreementVersion) row[1]).content))).toList();
    }

    private static String key(UUID agreementId, UUID organizationId, int fiscalYear) {
        return agreementId + "/" + organizationId + "/" + fiscalYear;
    }
}
