package jp.kyodo.directory.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import jp.kyodo.directory.api.TalentEntryInput;
import jp.kyodo.directory.domain.DirectoryProblems;
import jp.kyodo.directory.domain.PurposeOfUse;
import jp.kyodo.directory.domain.TalentAccess;
import jp.kyodo.directory.domain.TalentEntry;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.web.IfMatch;

/**
 * 人材バンク. A person keeps their own entry; city staff and coordinators search and read entries, and every entry
 * they see is logged; admins read the log. Entries are deleted on withdrawal and after the retention period without
 * renewed consent. Nothing here is published or readable anonymously, and no event carries it.
 */
@ApplicationScoped
public class TalentBankService {

    private static final Logger LOG = Logger.getLogger(TalentBankService.class);

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "kyodo.directory.talent-bank.retention")
    Duration retention;

    @Transactional
    public TalentEntry register(TalentEntryInput input) {
        String subject = caller.subject();
        requireConsent(input);
        if (TalentEntry.count("subject", subject) > 0) {
            throw new ProblemException(DirectoryProblems.TALENT_ENTRY_EXISTS, jp.kyodo.platform.problem.LocalizedText.of(
                    "You have an entry already; update it instead.", "既に登録があります。登録内容を変更してください。"));
        }
        TalentEntry entry = TalentEntry.of(subject);
        describe(entry, input);
        entry.consent(PurposeOfUse.CURRENT, retention);
        entry.persistAndFlush();
        audit.record(AuditRecord.of("TalentEntry", entry.id, "registered").details(Map.of("purposeId", entry.purposeId)));
        return entry;
    }

    /** The caller's own entry (a read like any other, so it is logged too). */
    @Transactional
    public TalentEntry mine() {
        String subject = caller.subject();
        TalentEntry entry = TalentEntry.<TalentEntry>find("subject", subject).firstResultOptional()
                .filter(e -> !e.isExpired()).orElseThrow(TalentBankService::notFound);
        TalentAccess.record(entry.id, subject, TalentAccess.Kind.READ);
        return entry;
    }

    @Transactional
    public TalentEntry read(UUID id) {
        String reader = caller.subject();
        TalentEntry entry = find(id);
        if (!entry.belongsTo(reader)) {
            requireMaySearch();
        }
        TalentAccess.record(entry.id, reader, TalentAccess.Kind.READ);
        return entry;
    }

    /** Staff and coordinators search by skill, field and name; every entry shown is logged as read. */
    @Transactional
    public List<TalentEntry> search(String skill, FieldOfActivity field, String name, PageRequest page) {
        requireMaySearch();
        String reader = caller.subject();
        Cursor after = Cursor.decode(page.cursor(), 2);
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
        String foldedName = SearchableText.fold(name);
        if (!foldedName.isEmpty()) {
            where.append(" and t.nameFolded like :name escape '!'");
            parameters.put("name", "%" + escapeLike(foldedName) + "%");
        }
        if (after != null) {
            where.append(" and (t.nameFolded > :afterName or (t.nameFolded = :afterName and t.id > :afterId))");
            parameters.put("afterName", after.value(0));
            parameters.put("afterId", UUID.fromString(after.value(1)));
        }
        List<TalentEntry> rows = TalentEntry.<TalentEntry>find("from TalentEntry t where " + where
                + " order by t.nameFolded, t.id", parameters).page(0, page.fetchSize()).list();
        rows.stream().limit(page.limit()).forEach(e -> TalentAccess.record(e.id, reader, TalentAccess.Kind.SEARCH));
        return rows;
    }

    public static Cursor cursorOf(TalentEntry entry) {
        return Cursor.after(entry.nameFolded, entry.id.toString());
    }

    /** The person changes their entry; sending consent again renews the retention period. */
    @Transactional
    public TalentEntry update(UUID id, IfMatch ifMatch, TalentEntryInput input) {
        TalentEntry entry = ownEntry(id);
        ifMatch.requireCurrent(entry.version);
        requireConsent(input);
        describe(entry, input);
        entry.consent(PurposeOfUse.CURRENT, retention);
        entry.flush();
        audit.record(AuditRecord.of("TalentEntry", entry.id, "updated").details(Map.of("purposeId", entry.purposeId)));
        return entry;
    }

    @Transactional
    public TalentEntry renewConsent(UUID id, IfMatch ifMatch) {
        TalentEntry entry = ownEntry(id);
        ifMatch.requireCurrent(entry.version);
        entry.consent(PurposeOfUse.CURRENT, retention);
        entry.flush();
        audit.record(AuditRecord.of("TalentEntry", entry.id, "consent-renewed"));
        return entry;
    }

    /** Withdrawal of consent: the entry is really deleted (the access log keeps only its id). Admins may do it on request. */
    @Transactional
    public void withdraw(UUID id, IfMatch ifMatch) {
        String subject = caller.subject();
        TalentEntry entry = TalentEntry.findById(id);
        if (entry == null || (!entry.belongsTo(subject) && !caller.hasRole(Roles.ADMIN))) {
            throw notFound();
        }
        ifMatch.requireCurrent(entry.version);
        entry.delete();
        audit.record(AuditRecord.of("TalentEntry", id, "withdrawn"));
    }

    /** Deletes every entry whose consent lapsed (see {@link TalentBankRetention}); returns how many. */
    @Transactional
    public int purgeExpired() {
        List<TalentEntry> expired = TalentEntry.list("expiresAt <= ?1", OffsetDateTime.now(ZoneOffset.UTC));
        for (TalentEntry entry : expired) {
            entry.delete();
            audit.record(AuditRecord.of("TalentEntry", entry.id, "expired")
                    .reason("retention period ended without renewed consent"));
        }
        if (!expired.isEmpty()) {
            LOG.infof("deleted %d talent-bank entries whose consent lapsed", expired.size());
        }
        return expired.size();
    }

    public List<TalentAccess> accessLog(UUID entryId, PageRequest page) {
        caller.requireAnyRole(Roles.ADMIN);
        Cursor after = Cursor.decode(page.cursor(), 2);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (entryId != null) {
            where.append(" and a.entryId = :entry");
            parameters.put("entry", entryId);
        }
        if (after != null) {
            where.append(" and (a.readAt > :afterAt or (a.readAt = :afterAt and a.id > :afterId))");
            parameters.put("afterAt", OffsetDateTime.parse(after.value(0)));
            parameters.put("afterId", UUID.fromString(after.value(1)));
        }
        return TalentAccess.<TalentAccess>find("from TalentAccess a where " + where + " order by a.readAt, a.id",
                parameters).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(TalentAccess access) {
        return Cursor.after(access.readAt.toString(), access.id.toString());
    }

    private void requireMaySearch() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.COORDINATOR);
    }

    private TalentEntry ownEntry(UUID id) {
        String subject = caller.subject();
        TalentEntry entry = find(id);
        if (!entry.belongsTo(subject)) {
            throw ProblemException.forbidden("Only the person themself changes their entry.",
                    "登録内容を変更できるのは本人のみです。");
        }
        return entry;
    }

    private static TalentEntry find(UUID id) {
        TalentEntry entry = TalentEntry.findById(id);
        if (entry == null || entry.isExpired()) {
            throw notFound();
        }
        return entry;
    }

    private static void describe(TalentEntry entry, TalentEntryInput input) {
        entry.describe(input.displayName().strip(), ProfileRules.blankToNull(input.displayNameKana()),
                input.skills().stream().map(String::strip).distinct().toList(),
                input.fields() == null ? List.of() : input.fields(), input.availability().strip(),
                ProfileRules.blankToNull(input.email()), ProfileRules.blankToNull(input.phone()));
    }

    private static void requireConsent(TalentEntryInput input) {
        if (!PurposeOfUse.CURRENT.id().equals(input.purposeId())) {
            throw ProblemException.invalidField("purposeId", "Consent to the current purpose of use: "
                    + PurposeOfUse.CURRENT.id() + ".", "現在の利用目的（" + PurposeOfUse.CURRENT.id() + "）に同意してください。");
        }
        if (ProfileRules.blankToNull(input.email()) == null && ProfileRules.blankToNull(input.phone()) == null) {
            throw ProblemException.invalidFields(List.of(
                    FieldError.of("email", "Give an e-mail or a telephone number to be contacted.",
                            "連絡先としてメールアドレスか電話番号を入力してください。")));
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such talent-bank entry.", "人材バンクの登録が見つかりません。");
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
