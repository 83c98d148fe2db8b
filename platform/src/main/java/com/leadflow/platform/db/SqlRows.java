package com.leadflow.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Many rows in one statement, written the same way for PostgreSQL and H2: a multi-row
 * {@code values} list with one set of named parameters per row. Rows go in chunks of 64, 16, 4
 * or 1, so a statement has one of four shapes whatever the number of rows, and the driver's cache
 * of prepared statements stays small.
 */
public final class SqlRows {

    private static final int[] CHUNK_SIZES = {64, 16, 4, 1};

    private SqlRows() {
    }

    /** The rows in chunks of 64, 16, 4 and 1, in their order. */
    public static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        int from = 0;
        for (int size : CHUNK_SIZES) {
            while (rows.size() - from >= size) {
                chunks.add(rows.subList(from, from + size));
                from += size;
            }
        }
        return chunks;
    }

    /**
     * {@code rows} copies of {@code row}, comma-separated, with each {@code #} in it replaced by the
     * row's index: {@code values(2, "(:id#, :at#)")} is {@code "(:id0, :at0), (:id1, :at1)"}.
     */
    public static String values(int rows, String row) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add(row.replace("#", Integer.toString(i)));
        }
        return values.toString();
    }
}
