package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import jp.kyodo.directory.domain.KanaReading;

/**
 * Readings (フリガナ) stored before they were kept in full-width katakana are converted by the same rule as new input
 * ({@link KanaReading#normalize}). Their sort key and search grams fold kana the same way and stay as they are. A Java
 * migration so that the rule is written once.
 */
public class V3__name_kana_in_katakana extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        convert(context.getConnection());
    }

    /** Converts every reading that is not in the stored form yet; returns how many changed. */
    public static int convert(Connection connection) throws SQLException {
        Map<UUID, String> changed = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, name_kana from organization");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString(2);
                String katakana = KanaReading.normalize(stored);
                if (!katakana.equals(stored)) {
                    changed.put(rows.getObject(1, UUID.class), katakana);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update organization set name_kana = ? where id = ?")) {
            for (Map.Entry<UUID, String> row : changed.entrySet()) {
                update.setString(1, row.getValue());
                update.setObject(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return changed.size();
    }
}
