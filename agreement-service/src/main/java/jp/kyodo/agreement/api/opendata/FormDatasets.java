package jp.kyodo.agreement.api.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
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
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.domain.content.terms.AdoptedPlace;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataset;

/**
 * The public record the forms' procedures add (公開): the subsidies decided and fixed (public money), the events the
 * city endorsed, and the register of adopted places — a volunteer group's name only with its consent.
 */
final class FormDatasets {

    static final OpenDataset<GrantRecord> GRANTS = OpenDataset.of("subsidy-grants", "補助金の交付決定と確定額",
            GrantRecord.class, "recipientNames");
    static final OpenDataset<EndorsedEventRecord> ENDORSED_EVENTS = OpenDataset.of("endorsed-events", "後援した事業",
            EndorsedEventRecord.class);
    static final OpenDataset<AdoptedPlaceRecord> ADOPTED_PLACES = OpenDataset.of("adopted-places", "アダプト制度の登録箇所",
            AdoptedPlaceRecord.class);

    private FormDatasets() {
    }

    /** An agreement of the public record (in force or completed) with the content of its version in force. */
    record Published(Agreement agreement, AgreementContent content) {
    }

    @Schema(name = "OpenDataSubsidyGrant", description = "A subsidy grant of one fiscal year: the decision and the fixed "
            + "amount (補助金の交付決定・額の確定)")
    record GrantRecord(
            @Schema(description = "The agreement") UUID agreementId,
            @Schema(description = "Title of the subsidised project (事業名)") String title,
            @Schema(description = "The subsidy programme (補助金の名称)") String programName,
            @Schema(description = "Fiscal year (年度) of the grant: its budget year") int fiscalYear,
            @Schema(description = "Recipients (交付先); in CSV separated by ;") List<UUID> recipientOrganizationIds,
            @Schema(description = "Their names, same order; in CSV one per line") List<String> recipientNames,
            @Schema(description = "The department (所管課)") String departmentName,
            @Schema(description = "State of the grant: DECIDED … PAID, REFUNDED, SETTLED, CANCELLED") GrantState state,
            @Schema(description = "Day of the decision (交付決定日) or its last change") LocalDate decidedOn,
            @Schema(description = "Decided amount, whole yen (交付決定額)") long decidedAmountYen,
            @Schema(description = "Subsidy rate (補助率), e.g. 1/2") String rate,
            @Schema(description = "Cap, whole yen (上限額)") long capYen,
            @Schema(description = "Day the amount was fixed (額の確定日); empty until then") LocalDate fixedOn,
            @Schema(description = "Fixed amount, whole yen (確定額); empty until fixed") Long fixedAmountYen,
            @Schema(description = "Day the decision was cancelled (取消日); empty unless cancelled") LocalDate cancelledOn) {
    }

    @Schema(name = "OpenDataEndorsedEvent", description = "An event the city endorsed (後援事業)")
    record EndorsedEventRecord(
            @Schema(description = "The agreement") UUID agreementId,
            @Schema(description = "The event (事業名)") String eventName,
            @Schema(description = "The organiser (主催者)") UUID organizerId,
            @Schema(description = "Its name") String organizerName,
            @Schema(description = "First day") LocalDate firstDay,
            @Schema(description = "Last day") LocalDate lastDay,
            @Schema(description = "Where (会場)") String place,
            @Schema(description = "Whether participants pay a fee") Boolean feeCharged,
            @Schema(description = "Expected audience") Integer expectedAudience,
            @Schema(description = "The department that endorsed it") String departmentName,
            @Schema(description = "Day of the approval (承認日)") LocalDate approvedOn,
            @Schema(description = "Conditions of the approval") String conditions,
            @Schema(description = "ACTIVE (承認済) or COMPLETED (事業報告済)") AgreementState state,
            @Schema(description = "Attendance reported after the event; empty until reported") Integer attendance) {
    }

    @Schema(name = "OpenDataAdoptedPlace", description = "A public place adopted by a volunteer group (アダプト登録箇所)")
    record AdoptedPlaceRecord(
            @Schema(description = "The agreement") UUID agreementId,
            @Schema(description = "The place (名称)") String placeName,
            @Schema(description = "PARK, ROAD_SECTION, GREEN_SPACE, RIVERSIDE or OTHER_FACILITY") AdoptedPlace.PlaceKind placeKind,
            @Schema(description = "Where (所在地)") String location,
            @Schema(description = "The extent looked after (範囲)") String extent,
            @Schema(description = "ACTIVE (活動中) or COMPLETED (終了)") AgreementState state,
            @Schema(description = "Registered from (登録期間の初日)") LocalDate since,
            @Schema(description = "Registered until") LocalDate until,
            @Schema(description = "The group's name, only when it consented to its publication (otherwise empty)")
            String groupName,
            @Schema(description = "The department") String departmentName,
            @Schema(description = "Activities reported") int activitiesReported,
            @Schema(description = "Waste collected in kg, as reported") BigDecimal wasteCollectedKg) {
    }

    static List<GrantRecord> grants(List<Published> published, Integer year) {
        List<GrantRecord> records = new ArrayList<>();
        for (Published p : ofForm(published, CollaborationForm.SUBSIDY)) {
            AgreementContent c = p.content();
            List<Party> recipients = c.parties().stream().filter(x -> !x.isCityDepartment()).toList();
            for (ProcedureTrack track : ProcedureTrack.allOf(p.agreement().id, TrackKind.GRANT_YEAR)) {
                GrantYear y = track.data(GrantYear.class);
                if (year != null && y.fiscalYear != year) {
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

    static List<EndorsedEventRecord> endorsedEvents(List<Published> published, Integer year) {
        List<EndorsedEventRecord> records = new ArrayList<>();
        for (Published p : ofForm(published, CollaborationForm.ENDORSEMENT)) {
            AgreementContent c = p.content();
            EndorsementTerms t = c.terms(EndorsementTerms.class).orElseThrow();
            if (year != null && t.firstDay() != null && FiscalYear.containing(t.firstDay()).year() != year) {
                continue;
            }
            Party organizer = c.parties().stream().filter(x -> !x.isCityDepartment()).findFirst().orElse(null);
            EndorsedEvent event = ProcedureTrack.of(p.agreement().id, TrackKind.ENDORSED_EVENT, "event")
                    .map(tr -> tr.data(EndorsedEvent.class)).orElse(new EndorsedEvent());
            records.add(new EndorsedEventRecord(p.agreement().id, c.title(),
                    organizer == null ? null : organizer.organizationId(), organizer == null ? null : organizer.name(),
                    t.firstDay(), t.lastDay(), t.place(), t.feeCharged(), t.expectedAudience(), department(c),
                    event.decidedOn, event.conditions, p.agreement().state, event.attendance));
        }
        return records;
    }

    static List<AdoptedPlaceRecord> adoptedPlaces(List<Published> published, Integer year) {
        List<AdoptedPlaceRecord> records = new ArrayList<>();
        for (Published p : ofForm(published, CollaborationForm.ADOPT_PROGRAM)) {
            AgreementContent c = p.content();
            if (year != null && !c.term().fiscalYears().contains(year)) {
                continue;
            }
            AdoptTerms t = c.terms(AdoptTerms.class).orElseThrow();
            String group = Boolean.TRUE.equals(t.groupNamePublic())
                    ? c.parties().stream().filter(x -> !x.isCityDepartment()).map(Party::name).filter(Objects::nonNull)
                            .findFirst().orElse(null)
                    : null;
            List<ActivityReportEntry> reports = ProcedureTrack.of(p.agreement().id, TrackKind.ACTIVITY_REPORTS, "reports")
                    .map(tr -> ProcedureStep.onTrack(tr.id).stream().map(s -> s.data(ActivityReportEntry.class)).toList())
                    .orElse(List.of());
            BigDecimal waste = reports.stream().map(r -> r.wasteCollectedKg).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            records.add(new AdoptedPlaceRecord(p.agreement().id, t.place().name(), t.place().kind(), t.place().location(),
                    t.place().extent(), p.agreement().state, c.term().start(), c.term().end(), group, department(c),
                    reports.size(), waste));
        }
        return records;
    }

    private static List<Published> ofForm(List<Published> published, CollaborationForm form) {
        return published.stream().filter(p -> p.content().form() == form).toList();
    }

    private static String department(AgreementContent c) {
        return c.departments().stream().map(Party::name).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
