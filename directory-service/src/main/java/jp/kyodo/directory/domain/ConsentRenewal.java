package jp.kyodo.directory.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;

import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskRef;

/**
 * Renewing consent to the talent bank (人材バンクの同意の更新): a person whose consent lapses within {@code warnBefore}
 * is asked, once per expiry, to renew it; the entry is deleted at expiry otherwise. The expiry is not moved off closed
 * days: it is when the permission to keep the data ends, not a time limit of a procedure.
 */
public record ConsentRenewal(Period warnBefore) {

    public static final String AGGREGATE = "talent-entry";
    public static final String ACTION = "RENEW_TALENT_CONSENT";
    private static final ZoneId CITY = ZoneId.of("Asia/Tokyo");

    /** Whether the person must be asked now. */
    public boolean isDue(TalentEntry entry, OffsetDateTime now) {
        return entry.expiresAt.isAfter(now) && !entry.expiresAt.minus(warnBefore).isAfter(now)
                && !entry.expiresAt.isEqual(entry.renewalAskedFor == null ? OffsetDateTime.MIN : entry.renewalAskedFor);
    }

    /** The renewal task for one expiry of the entry. */
    public static TaskRef task(TalentEntry entry, OffsetDateTime expiry) {
        return TaskRef.of(AGGREGATE, entry.id, ACTION, TaskAddressee.person(entry.subject))
                .occurrence(expiry.atZoneSameInstant(CITY).toLocalDate().toEpochDay());
    }

    public static OpenTask open(TalentEntry entry) {
        LocalDate expiry = entry.expiresAt.atZoneSameInstant(CITY).toLocalDate();
        return new OpenTask(task(entry, entry.expiresAt), expiry, null,
                "人材バンクの登録の同意を更新する（保存期限 " + expiry + "）",
                "Renew your consent to the talent bank (your entry is deleted on " + expiry + " otherwise)",
                "/api/directory/talent-bank/entries/me");
    }
}
