package jp.kyodo.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.kyodo.notification.domain.Notification;
import jp.kyodo.notification.domain.PersonSetting;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.web.IfMatch;

/**
 * The caller's notifications: unread first, newest first within each. Another person's notification does not exist
 * for the caller (404, never 403, so its existence is not revealed).
 */
@ApplicationScoped
public class Inbox {

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public List<Notification> list(Boolean unread, Cursor after, int fetch) {
        String subject = caller.subject();
        StringBuilder where = new StringBuilder("recipient = :me");
        if (unread != null) {
            where.append(unread ? " and readAt is null" : " and readAt is not null");
        }
        if (after != null) {
            // (read?, -created, id) ascending: unread (0) before read (1), newest first.
            where.append(" and (case when readAt is null then 0 else 1 end > :r"
                    + " or (case when readAt is null then 0 else 1 end = :r and (createdAt < :t"
                    + " or (createdAt = :t and id > :id))))");
        }
        var query = entityManager.createQuery("from Notification where " + where
                + " order by case when readAt is null then 0 else 1 end, createdAt desc, id", Notification.class)
                .setParameter("me", subject).setMaxResults(fetch);
        if (after != null) {
            query.setParameter("r", Integer.parseInt(after.value(0)))
                    .setParameter("t", OffsetDateTime.parse(after.value(1)))
                    .setParameter("id", UUID.fromString(after.value(2)));
        }
        return query.getResultList();
    }

    public static Cursor cursorOf(Notification n) {
        return Cursor.after(n.isRead() ? "1" : "0", n.createdAt.toString(), n.id.toString());
    }

    /** The inbox's version: the newest notification's sequence number (0 when empty). */
    public long version() {
        Long newest = entityManager.createQuery("select max(seq) from Notification where recipient = :me", Long.class)
                .setParameter("me", caller.subject()).getSingleResult();
        return newest == null ? 0 : newest;
    }

    public Notification find(UUID id) {
        String me = caller.subject(); // 401 before anything is looked up
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(me)) {
            throw ProblemException.notFound("No notification " + id + " of yours.", "該当する通知はありません。");
        }
        return n;
    }

    /** Marks one read; If-Match is checked after the notification was found to be the caller's. */
    @Transactional
    public Notification markRead(UUID id, IfMatch ifMatch) {
        Notification n = find(id);
        ifMatch.requireCurrent(n.version);
        n.markRead(now());
        n.flush();
        audit.record(AuditRecord.of("Notification", n.id, n.version, "read").unannounced(PersonSetting.OWN_BOOKKEEPING));
        return n;
    }

    /** Marks every unread notification read, if the caller saw the newest one (If-Match: the inbox's ETag). */
    @Transactional
    public int markAllRead(IfMatch ifMatch) {
        String subject = caller.subject();
        ifMatch.requireCurrent(version());
        int marked = entityManager.createQuery(
                "update Notification set readAt = :now, version = version + 1 where recipient = :me and readAt is null")
                .setParameter("now", now()).setParameter("me", subject).executeUpdate();
        audit.record(AuditRecord.of("Inbox", PersonSetting.auditIdOf(subject), version(), "all-read")
                .details(Map.of("marked", marked)).unannounced(PersonSetting.OWN_BOOKKEEPING));
        return marked;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
