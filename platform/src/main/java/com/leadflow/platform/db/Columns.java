package com.leadflow.platform.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * A row's columns by name and type, whichever driver read it: an R2DBC {@code Readable}
 * ({@code row::get}) or a JDBC {@link ResultSet} ({@link #of}). A repository that reads the same
 * rows on both paths (HTTP on R2DBC, a consumer or worker on JDBC) maps them once.
 */
@FunctionalInterface
public interface Columns {

    /** The column's value as {@code type}, or null. */
    <T> T get(String column, Class<T> type);

    /** The current row of a JDBC result. */
    static Columns of(ResultSet row) {
        return new Columns() {
            @Override
            public <T> T get(String column, Class<T> type) {
                try {
                    return row.getObject(column, type);
                } catch (SQLException e) {
                    // a driver's message may quote the value, and rows hold PHI: the column and the type only
                    throw new DataRetrievalFailureException("Could not read column " + column + " as "
                            + type.getSimpleName() + " (SQL state " + e.getSQLState() + ")");
                }
            }
        };
    }
}
