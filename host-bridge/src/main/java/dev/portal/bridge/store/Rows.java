package dev.portal.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small JDBC helpers: bind positional parameters, map rows, turn SQLException into StoreException. */
final class Rows {
    private final Connection connection;
    private final Map<String, PreparedStatement> cache;

    /** {@code cache} keeps prepared statements for the connection's life: parsing SQL costs more than running it. */
    Rows(Connection connection, Map<String, PreparedStatement> cache) {
        this.connection = connection;
        this.cache = cache;
    }

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    <T> List<T> list(String sql, Mapper<T> mapper, Object... params) {
        try (ResultSet rows = prepare(sql, params).executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    <T> Optional<T> one(String sql, Mapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    int update(String sql, Object... params) {
        try {
            return prepare(sql, params).executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = cache.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            cache.put(sql, statement);
        }
        statement.clearParameters();
        try {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i];
                if (value instanceof Boolean flag) {
                    statement.setBoolean(i + 1, flag);
                } else if (value == null) {
                    statement.setObject(i + 1, null);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException e) {
            cache.remove(sql);
            statement.close();
            throw e;
        }
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
