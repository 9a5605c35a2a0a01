package jp.kyodo.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Ids selected by SQL a service writes itself (keyset pages, {@code for update skip locked} batches), run by plain JDBC
 * on the transaction's connection. Hibernate's plan cache keys a native query with a result class by an object without
 * value equality: every run of such a query added an entry under the same hash, and a busy query queued on that hash
 * bucket's lock.
 */
public final class IdQueries {

    private IdQueries() {
    }

    /** The first column of every row, as ids; {@code values} bind the statement's {@code ?} in order. */
    public static List<UUID> select(EntityManager entityManager, String sql, List<?> values) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /** The rows of the ids in the ids' order, whatever order {@code load} reads them in. */
    public static <T> List<T> inOrder(List<UUID> ids, Function<List<UUID>, List<T>> load, Function<T, UUID> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, T> byId = new HashMap<>();
        for (T row : load.apply(ids)) {
            byId.put(idOf.apply(row), row);
        }
        return ids.stream().map(byId::get).toList();
    }
}
