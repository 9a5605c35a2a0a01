package jp.kyodo.notification.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.notification.domain.Task;
import jp.kyodo.notification.domain.TaskState;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.security.Caller;

/**
 * The caller's tasks: addressed to them, naming them among the people who may act, addressed to an organisation (or a
 * role in it) they act for, or to a realm role they hold; never one whose owner named an organisation of theirs as
 * conflicted. Soonest due first, undated last, then by id: a stable order for cursor pages.
 */
@ApplicationScoped
public class MyTasks {

    /** Sorts undated tasks last. */
    static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    private static final String SELECT = """
            select id from task t
             where t.state = ?
               and ((t.addressee_kind = 'PERSON' and t.addressee_subject = ?)
                    or ? = any(t.actors)
                    or (cardinality(t.actors) = 0 and t.addressee_kind = 'ORGANIZATION' and t.addressee_org = any(?))
                    or (cardinality(t.actors) = 0 and t.addressee_kind = 'ROLE'
                        and (t.addressee_org::text || ':' || t.addressee_role) = any(?))
                    or (cardinality(t.actors) = 0 and t.addressee_kind = 'REALM_ROLE' and t.addressee_role = any(?)))
               and not (t.conflicted_orgs && ?)
               and (cast(? as date) is null or t.due_on < ?)
               and (cast(? as text) is null or t.action = ?)
               and (cast(? as date) is null or (coalesce(t.due_on, date '9999-12-31'), t.id) > (cast(? as date), cast(? as uuid)))
             order by coalesce(t.due_on, date '9999-12-31'), t.id
             limit ?
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Addressees addressees;

    @Inject
    Caller caller;

    /** The caller's tasks, by the roles of their token. */
    public List<Task> list(TaskState state, LocalDate dueBefore, String action, Cursor after, int fetch) {
        String subject = caller.subject();
        return list(addressees.scopeOf(subject, caller::hasRole), state, dueBefore, action, after, fetch);
    }

    /** A person's tasks within a scope (the calendar feed has no token: the identity provider gives the roles). */
    public List<Task> list(Addressees.Scope scope, TaskState state, LocalDate dueBefore, String action, Cursor after,
            int fetch) {
        String subject = scope.subject();
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(SELECT)) {
            Array organizations = c.createArrayOf("uuid", scope.organizations().toArray());
            Array roles = c.createArrayOf("text", scope.organizationRoles().toArray());
            Array realmRoles = c.createArrayOf("text", scope.realmRoles().toArray());
            Array memberOf = c.createArrayOf("uuid", scope.memberOf().toArray());
            LocalDate afterDue = after == null ? null : LocalDate.parse(after.value(0));
            UUID afterId = after == null ? null : UUID.fromString(after.value(1));
            int i = 1;
            select.setString(i++, (state == null ? TaskState.OPEN : state).name());
            select.setString(i++, subject);
            select.setString(i++, subject);
            select.setArray(i++, organizations);
            select.setArray(i++, roles);
            select.setArray(i++, realmRoles);
            select.setArray(i++, memberOf);
            select.setObject(i++, dueBefore);
            select.setObject(i++, dueBefore);
            select.setString(i++, action);
            select.setString(i++, action);
            select.setObject(i++, afterDue);
            select.setObject(i++, afterDue);
            select.setObject(i++, afterId);
            select.setInt(i, fetch);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Task> found = Task.list("id in ?1", ids);
        return ids.stream().map(id -> found.stream().filter(t -> t.id.equals(id)).findFirst().orElseThrow()).toList();
    }

    public static Cursor cursorOf(Task task) {
        return Cursor.after((task.dueOn == null ? UNDATED : task.dueOn).toString(), task.id.toString());
    }
}
