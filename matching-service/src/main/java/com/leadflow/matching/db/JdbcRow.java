package com.leadflow.matching.db;

import io.r2dbc.spi.Readable;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * The current row of a JDBC result as R2DBC's {@link Readable}, so that a repository's one row
 * mapper serves both of its pools (R2DBC for HTTP, JDBC for the Kafka consumers). pgjdbc and H2
 * both hand a column back in the requested Java type, and null for SQL null.
 */
public final class JdbcRow implements Readable {

    private final ResultSet row;

    public JdbcRow(ResultSet row) {
        this.row = row;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        try {
            // R2DBC counts columns from 0, JDBC from 1
            return row.getObject(index + 1, type);
        } catch (SQLException failure) {
            throw new UncategorizedSQLException("reading column " + index, null, failure);
        }
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        try {
            return row.getObject(name, type);
        } catch (SQLException failure) {
            throw new UncategorizedSQLException("reading column " + name, null, failure);
        }
    }
}
