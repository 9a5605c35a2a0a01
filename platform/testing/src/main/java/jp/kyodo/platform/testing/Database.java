package jp.kyodo.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One-value queries a test asks of its service's database (what was stored, what was consumed). */
public final class Database {

    private Database() {
    }

    /** The first column of the first row as a number; 0 without a row. */
    public static long count(DataSource dataSource, String sql, Object... parameters) {
        String value = text(dataSource, sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** The first column of the first row as text; null without a row. */
    public static String text(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that changes data. */
    public static void execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
