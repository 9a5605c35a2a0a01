package jp.kyodo.proposal.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.intake.Intake;
import jp.kyodo.proposal.domain.intake.IntakeAccess;
import jp.kyodo.proposal.domain.intake.IntakeChannel;
import jp.kyodo.proposal.domain.intake.IntakeFollowUp;
import jp.kyodo.proposal.domain.intake.IntakeNeeds;
import jp.kyodo.proposal.domain.intake.IntakeOutcome;
import jp.kyodo.proposal.domain.intake.IntakeStatus;
import jp.kyodo.proposal.domain.intake.Visitor;
import jp.kyodo.proposal.events.IntakeEvents;

/**
 * The consultation desk's records. Every read of a record that holds a person's data is logged; a person's name
 * and contact are kept only with consent and erased when the retention period ends without renewal.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    /** What the desk records when someone comes. */
    public record Reception(UUID actingFor, LocalDate receivedOn, IntakeChannel channel, UUID visitorOrganizationId,
            Visitor visitor, boolean consentToKeepContact, String topic, FieldOfActivity field, IntakeNeeds needs,
            UUID referredDepartmentId, String assignedCoordinator) {
    }

    @Inject
    DeskAccess desk;

    @Inject
    DirectoryReadModel directory;

    @Inject
    AuditTrail audit;

    @Inject
    IntakeEvents events;

    @ConfigProperty(name = "kyodo.proposals.desk.contact-retention", defaultValue = "P365D")
    Duration retention;

    @Transactional
    public Intake record(Reception r) {
        desk.requireActingFor(r.actingFor());
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(FiscalYear.CITY_ZONE);
        if (r.receivedOn() != null && r.receivedOn().isAfter(today)) {
            errors.add(FieldError.of("receivedOn", "A consultation is recorded once it happened.",
                    "相談日が未来の日付です。"));
        }
        if (r.visitorOrganizationId() != null && r.visitor() != null) {
            errors.add(FieldError.of("visitor", "Name an organisation of the directory or a person, not both.",
                    "団体か個人のどちらか一方を記入してください。"));
        }
        if (r.visitorOrganizationId() != null && directory.organization(r.visitorOrganizationId()).isEmpty()) {
            errors.add(FieldError.of("visitorOrganizationId", "Not an organisation of the directory.",
                    "団体名簿にない団体です。"));
        }
        if (r.visitor() != null && !r.consentToKeepContact()) {
            errors.add(FieldError.of("consentToKeepContact",
                    "A person's name and contact are kept only with their consent; without it, leave them out.",
                    "個人の氏名・連絡先は本人の同意がある場合のみ記録できます。"));
        }
        checkReferral(r.referredDepartmentId(), r.assignedCoordinator(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        Instant now = Instant.now();
        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.receivedOn = r.receivedOn() == null ? today : r.receivedOn();
        intake.channel = r.channel();
        intake.visitorOrganizationId = r.visitorOrganizationId();
        intake.visitor = r.visitor();
        if (r.visitor() != null) {
            intake.consentToKeepContact(now, retention);
        }
        intake.topic = r.topic().strip();
        intake.field = r.field();
        intake.needs = r.needs() == null ? new IntakeNeeds(List.of(), null) : r.needs();
        intake.referredDepartmentId = r.referredDepartmentId();
        intake.assignedCoordinator = r.assignedCoordinator();
        intake.status = IntakeStatus.OPEN;
        intake.openedBy = desk.requireReader();
        intake.actingFor = r.actingFor();
        intake.createdAt = now;
        intake.persistAndFlush();
        audit.record(AuditRecord.of("Intake", intake.id, intake.version, "recorded").transition(null, IntakeStatus.OPEN)
                .actingFor(r.actingFor()));
        events.recorded(intake);
        return intake;
    }

    /** One record, in full; the read is logged when it holds a person's data. */
    @Transactional
    public Intake read(UUID id) {
        String reader = desk.requireReader();
        Intake intake = Intake.require(id);
        if (intake.hasPersonalData()) {
            IntakeAccess.record(intake.id, reader);
        }
        return intake;
    }

    /** The desk's records, newest first; the list shows no personal data, so it is not logged. */
    public List<Intake> list(IntakeStatus status, UUID proposalId, Cursor after, int fetchSize) {
        desk.requireReader();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            parameters.put("status", status);
        }
        if (proposalId != null) {
            where.append(" and proposalId = :proposal");
            parameters.put("proposal", proposalId);
        }
        if (after != null) {
            where.append(" and (receivedOn < :day or (receivedOn = :day and id < :id))");
            parameters.put("day", LocalDate.parse(after.value(0)));
            parameters.put("id", UUID.fromString(after.value(1)));
        }
        return Intake.<Intake>find(where + " order by receivedOn desc, id desc", parameters).page(0, fetchSize).list();
    }

    public List<IntakeFollowUp> followUps(UUID id) {
        desk.requireReader();
        Intake.require(id);
        return IntakeFollowUp.list("intakeId = ?1 order by recordedAt, id", id);
    }

    /**
     * A follow-up (経過): a note, and where it happened, a referral to a department, a coordinator assigned or the
     * person's renewed consent to keep their contact. The record's row is locked: follow-ups come one at a time.
     */
    @Transactional
    public IntakeFollowUp followUp(UUID id, UUID actingFor, String note, UUID referredDepartmentId,
            String assignedCoordinator, boolean consentRenewed) {
        desk.requireActingFor(actingFor);
        Intake intake = Intake.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (intake == null) {
            throw ProblemException.notFound("No such consultation.", "相談記録が見つかりません。");
        }
        if (intake.status != IntakeStatus.OPEN) {
            throw ProblemException.conflict("The consultation is closed.", "この相談は終了しています。");
        }
        List<FieldError> errors = new ArrayList<>();
        checkReferral(referredDepartmentId, assignedCoordinator, errors);
        if (consentRenewed && !intake.hasPersonalData()) {
            errors.add(FieldError.of("consentRenewed", "This record keeps no person's contact.",
                    "この記録には個人の連絡先がありません。"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        Instant now = Instant.now();
        if (referredDepartmentId != null) {
            intake.referredDepartmentId = referredDepartmentId;
        }
        if (assignedCoordinator != null) {
            intake.assignedCoordinator = assignedCoordinator;
        }
        if (consentRenewed) {
            intake.consentToKeepContact(now, retention);
        }
        IntakeFollowUp followUp = new IntakeFollowUp();
        followUp.id = UUID.randomUUID();
        followUp.intakeId = id;
        followUp.note = note.strip();
        followUp.consentRenewed = consentRenewed;
        followUp.recordedBy = desk.requireReader();
        followUp.actingFor = actingFor;
        followUp.recordedAt = now;
        followUp.persist();
        // Every follow-up is a new version of the record, so that readers of its events see them in order.
        Intake.getEntityManager().lock(intake, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        intake.flush();
        audit.record(AuditRecord.of("Intake", id, intake.version, "followed-up").actingFor(actingFor)
                .details(Map.of("consentRenewed", consentRenewed)));
        events.followedUp(intake);
        return followUp;
    }

    @Transactional
    public Intake close(UUID id, IfMatch ifMatch, UUID actingFor, IntakeOutcome outcome, String note, UUID proposalId) {
        desk.requireActingFor(actingFor);
        Intake intake = Intake.require(id);
        ifMatch.requireCurrent(intake.version);
        if (intake.status != IntakeStatus.OPEN) {
            throw ProblemException.conflict("The consultation is closed already.", "この相談は終了しています。");
        }
        if (outcome == IntakeOutcome.PROPOSAL_DRAFTED && (proposalId == null || Proposal.findById(proposalId) == null)) {
            throw ProblemException.invalidField("proposalId", "Name the proposal the consultation led to.",
                    "相談から作成された提案を指定してください。");
        }
        if (outcome != IntakeOutcome.PROPOSAL_DRAFTED && proposalId != null) {
            throw ProblemException.invalidField("proposalId", "Only a consultation that led to a proposal names one.",
                    "提案を指定できるのは対応結果が提案作成の場合のみです。");
        }
        intake.status = IntakeStatus.CLOSED;
        intake.outcome = outcome;
        intake.outcomeNote = note == null || note.isBlank() ? null : note.strip();
        intake.proposalId = proposalId;
        intake.closedAt = Instant.now();
        intake.flush();
        audit.record(AuditRecord.of("Intake", id, intake.version, "closed").transition(IntakeStatus.OPEN, IntakeStatus.CLOSED)
                .actingFor(actingFor).reason(intake.outcomeNote).details(Map.of("outcome", outcome.name())));
        events.closed(intake);
        return intake;
    }

    /** Erases the name and contact of every person whose consent lapsed; returns how many. */
    @Transactional
    public int eraseLapsedContacts() {
        Instant now = Instant.now();
        List<Intake> lapsed = Intake.list("visitor is not null and contactExpiresAt <= ?1", now);
        for (Intake intake : lapsed) {
            intake.eraseContact(now);
            intake.flush();
            audit.record(AuditRecord.of("Intake", intake.id, intake.version, "contact-erased")
                    .reason("retention period ended without renewed consent"));
            events.contactErased(intake);
        }
        if (!lapsed.isEmpty()) {
            LOG.infof("erased the contact of %d consultation visitors whose consent lapsed", lapsed.size());
        }
        return lapsed.size();
    }

    private void checkReferral(UUID referredDepartmentId, String assignedCoordinator, List<FieldError> errors) {
        if (referredDepartmentId != null) {
            KnownOrganization department = directory.organization(referredDepartmentId).orElse(null);
            if (department == null || department.type != ActorType.CITY_DEPARTMENT) {
                errors.add(FieldError.of("referredDepartmentId", "Not a city department of the directory.",
                        "団体名簿にある市の所管課ではありません。"));
            }
        }
        if (assignedCoordinator != null && !desk.isKnownCoordinator(assignedCoordinator)) {
            errors.add(FieldError.of("assignedCoordinator", "Not a member of a support centre (中間支援組織).",
                    "中間支援組織の構成員ではありません。"));
        }
    }
}
