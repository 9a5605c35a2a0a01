package jp.kyodo.directory.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.domain.Introduction;
import jp.kyodo.directory.domain.IntroductionState;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.directory.domain.TalentAccess;
import jp.kyodo.directory.domain.TalentEntry;
import jp.kyodo.directory.events.IntroductionEvents;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.web.IfMatch;

/**
 * 人材紹介. Staff and coordinators look for talents and organisations that fit a consultation's or a proposal's needs
 * (field, skill, area) and ask a talent whether they will be introduced; the talent answers. Every introduction and
 * its answer is recorded and announced without personal data; the talent's contact is shared with the requester and
 * the recipient organisation only once accepted, and each such read is logged like any read of the talent bank.
 */
@ApplicationScoped
public class IntroductionService {

    /** What fits the needs: talents (without contact) and verified organisations. */
    public record Matches(List<TalentEntry> talents, List<Organization> organizations) {
    }

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    IntroductionEvents events;

    /** Talents and organisations by field, skill and area; every talent shown is logged as read. */
    @Transactional
    public Matches match(FieldOfActivity field, String skill, String area, int limit) {
        requireStaffOrCoordinator();
        String reader = caller.subject();
        StringBuilder where = new StringBuilder("t.expiresAt > :now");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("now", OffsetDateTime.now(ZoneOffset.UTC));
        String foldedSkill = SearchableText.fold(skill);
        if (!foldedSkill.isEmpty()) {
            where.append(" and exists (select 1 from TalentEntry t2 join t2.skills s where t2 = t"
                    + " and s.skillFolded like :skill escape '!')");
            parameters.put("skill", "%" + escapeLike(foldedSkill) + "%");
        }
        if (field != null) {
            where.append(" and :field member of t.fields");
            parameters.put("field", field);
        }
        String foldedArea = SearchableText.fold(area);
        if (!foldedArea.isEmpty()) {
            where.append(" and (t.areaFolded is null or t.areaFolded like :area escape '!')");
            parameters.put("area", "%" + escapeLike(foldedArea) + "%");
        }
        List<TalentEntry> talents = TalentEntry.<TalentEntry>find("from TalentEntry t where " + where
                + " order by t.nameFolded, t.id", parameters).page(0, limit).list();
        talents.forEach(t -> TalentAccess.record(t.id, reader, TalentAccess.Kind.SEARCH));

        StringBuilder orgWhere = new StringBuilder("o.status = :verified");
        Map<String, Object> orgParameters = new HashMap<>();
        orgParameters.put("verified", OrganizationStatus.VERIFIED);
        if (field != null) {
            orgWhere.append(" and :field member of o.fields");
            orgParameters.put("field", field);
        }
        if (area != null && !area.isBlank()) {
            orgWhere.append(" and o.address like :area escape '!'");
            orgParameters.put("area", "%" + escapeLike(area.strip()) + "%");
        }
        if (!foldedSkill.isEmpty()) {
            orgWhere.append(" and lower(coalesce(o.description, '')) like :skill escape '!'");
            orgParameters.put("skill", "%" + escapeLike(skill.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        List<Organization> organizations = Organization.<Organization>find("from Organization o where " + orgWhere
                + " order by o.kanaSort, o.id", orgParameters).page(0, limit).list();
        return new Matches(talents, organizations);
    }

    @Transactional
    public Introduction request(UUID talentEntryId, UUID intakeId, UUID proposalId, UUID recipientOrganizationId,
            List<FieldOfActivity> fields, String message) {
        requireStaffOrCoordinator();
        TalentEntry talent = TalentEntry.findById(talentEntryId);
        List<FieldError> errors = new java.util.ArrayList<>();
        if (talent == null || talent.isExpired()) {
            errors.add(FieldError.of("talentEntryId", "No such talent-bank entry.", "人材バンクの登録が見つかりません。"));
        }
        if (intakeId == null && proposalId == null) {
            errors.add(FieldError.of("intakeId", "Name the consultation (intakeId) or the proposal (proposalId) the "
                    + "introduction is for.", "紹介の元になる相談（intakeId）か提案（proposalId）を指定してください。"));
        }
        if (recipientOrganizationId != null && Organization.findById(recipientOrganizationId) == null) {
            errors.add(FieldError.of("recipientOrganizationId", "Not an organisation of the directory.",
                    "団体名簿にない団体です。"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        Introduction introduction = new Introduction();
        introduction.id = UUID.randomUUID();
        introduction.talentEntryId = talent.id;
        introduction.talentSubject = talent.subject;
        introduction.requestedBy = caller.subject();
        introduction.intakeId = intakeId;
        introduction.proposalId = proposalId;
        introduction.recipientOrganizationId = recipientOrganizationId;
        introduction.fields = String.join(",", (fields == null ? List.<FieldOfActivity>of() : fields).stream()
                .map(Enum::name).distinct().sorted().toList());
        introduction.message = message;
        introduction.state = IntroductionState.REQUESTED;
        introduction.requestedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        introduction.persistAndFlush();
        audit.record(AuditRecord.of("Introduction", introduction.id, introduction.version, "requested")
                .transition(null, IntroductionState.REQUESTED));
        events.requested(introduction);
        return introduction;
    }

    /** The talent answers, once. */
    @Transactional
    public Introduction answer(UUID id, IfMatch ifMatch, boolean accept, String note) {
        String subject = caller.subject();
        Introduction introduction = Introduction.require(id);
        if (!introduction.talentSubject.equals(subject)) {
            throw ProblemException.notFound("No such introduction.", "紹介が見つかりません。");
        }
        ifMatch.requireCurrent(introduction.version);
        IntroductionState from = introduction.state;
        introduction.answer(accept, note);
        introduction.flush();
        audit.record(AuditRecord.of("Introduction", id, introduction.version, accept ? "accepted" : "declined")
                .transition(from, introduction.state));
        events.answered(introduction);
        return introduction;
    }

    /**
     * One introduction: staff and coordinators, the talent, and the recipient organisation's members once accepted.
     * Others get 404. The talent's entry is returned when the reader may see its contact (accepted, or the talent).
     */
    @Transactional
    public Readable read(UUID id) {
        String reader = caller.subject();
        Introduction introduction = Introduction.require(id);
        boolean talent = introduction.talentSubject.equals(reader);
        boolean desk = caller.hasAnyRole(Roles.CITY_STAFF, Roles.COORDINATOR);
        boolean recipient = introduction.recipientOrganizationId != null && introduction.sharesContact()
                && Organization.<Organization>findByIdOptional(introduction.recipientOrganizationId)
                        .map(o -> o.members.stream().anyMatch(m -> m.subject.equals(reader))).orElse(false);
        if (!talent && !desk && !recipient) {
            throw ProblemException.notFound("No such introduction.", "紹介が見つかりません。");
        }
        TalentEntry entry = null;
        if (talent || introduction.sharesContact()) {
            entry = TalentEntry.<TalentEntry>findByIdOptional(introduction.talentEntryId).filter(e -> !e.isExpired())
                    .orElse(null);
            if (entry != null && !talent) {
                TalentAccess.record(entry.id, reader, TalentAccess.Kind.READ);
            }
        }
        return new Readable(introduction, entry);
    }

    /** An introduction with the talent's entry when the reader may see it. */
    public record Readable(Introduction introduction, TalentEntry talent) {
    }

    public List<Introduction> list(UUID intakeId, UUID proposalId, Cursor after, int fetchSize) {
        requireStaffOrCoordinator();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (intakeId != null) {
            where.append(" and intakeId = :intake");
            parameters.put("intake", intakeId);
        }
        if (proposalId != null) {
            where.append(" and proposalId = :proposal");
            parameters.put("proposal", proposalId);
        }
        return page(where, parameters, after, fetchSize);
    }

    /** The caller's own introductions as a talent, newest first. */
    public List<Introduction> mine(Cursor after, int fetchSize) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("talent", caller.subject());
        return page(new StringBuilder("talentSubject = :talent"), parameters, after, fetchSize);
    }

    private static List<Introduction> page(StringBuilder where, Map<String, Object> parameters, Cursor after,
            int fetchSize) {
        if (after != null) {
            where.append(" and (requestedAt < :at or (requestedAt = :at and id < :id))");
            parameters.put("at", OffsetDateTime.parse(after.value(0)));
            parameters.put("id", UUID.fromString(after.value(1)));
        }
        return Introduction.<Introduction>find(where + " order by requestedAt desc, id desc", parameters)
                .page(0, fetchSize).list();
    }

    private void requireStaffOrCoordinator() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.COORDINATOR);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
