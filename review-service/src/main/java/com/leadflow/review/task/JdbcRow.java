package com.leadflow.review.task;

import io.r2dbc.spi.Readable;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * The current row of a JDBC result as R2DBC's {@link Readable}, so that {@link ReviewTaskRows}
 * turns a row into a record the same way whichever pool read it (R2DBC for HTTP, JDBC for the
 * Kafka consumers). Both drivers hand a column back in the requested Java type, null for SQL null.
 */
final class JdbcRow implements Readable {

    private final ResultSet row;

    JdbcRow(ResultSet row) {
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
