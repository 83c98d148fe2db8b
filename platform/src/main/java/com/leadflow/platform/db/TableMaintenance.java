package com.leadflow.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vacuums and analyzes the service's own tables when the PostgreSQL server does not: where
 * {@code autovacuum} is off (as on this project's benchmark machine), an outbox whose published rows
 * are marked or deleted keeps every dead entry in its pending index, so each relay claim walks all of
 * them (insurance's read 219 million index entries in a ten-minute run), and tables that were empty
 * when first planned are never analyzed (and a plan PostgreSQL made once for any parameters, while a
 * table was small, is never replanned: see {@link RelayDatabase}). Every
 * {@code leadflow.database.maintenance-interval} it reads the schema's table statistics and does what
 * plans and indexes need: {@code VACUUM} a table once its dead rows pass 500 plus 5% of its live ones
 * (an outbox that keeps its published rows for days has many live rows, and each claim steps over the
 * pending index's dead entries until a vacuum; a table whose updates stay on their page, HOT, is pruned
 * without one and counts fewer dead rows), {@code ANALYZE} it once its row count moved by half since it was
 * last analyzed or vacuumed (and first at 500 rows; it did once 500 plus 10% of its rows changed). The planner scales its row estimates with a
 * table's pages between analyzes, so what an analyze changes for plans is mostly a table's size
 * growing past what its statistics knew; updates that leave the count alone do not call for one.
 * With the server's autovacuum on it does nothing but that check. Idle, it costs one query per interval.
 */
public final class TableMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);

    private static final String STATISTICS = """
            select s.relname, s.n_live_tup, s.n_dead_tup, c.reltuples
            from pg_stat_user_tables s join pg_class c on c.oid = s.relid
            where s.schemaname = current_schema()""";

    private final DataSource database;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread maintenance = new Thread(runnable, "table-maintenance");
        maintenance.setDaemon(true);
        return maintenance;
    });

    public TableMaintenance(DataSource database, Duration interval) {
        this.database = database;
        long every = interval.toMillis();
        thread.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** What a table needs now: a vacuum, an analyze, or both. */
    record Need(String table, boolean vacuum, boolean analyze) {
    }

    /**
     * @param analyzed the rows the table had when last analyzed or vacuumed ({@code pg_class.reltuples}:
     *        -1 when it never was)
     */
    static Need need(String table, long live, long dead, double analyzed) {
        boolean vacuum = dead > 500 + live / 20;
        long known = Math.max(0, Math.round(analyzed));
        boolean analyze = Math.abs(live - known) > 500 + known / 2;
        return new Need(table, vacuum, analyze);
    }

    private void runQuietly() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            // the database may be away; the next interval tries again
            log.warn("Table maintenance skipped: {}", e.getClass().getSimpleName());
        }
    }

    /** Vacuums and analyzes what needs it; returns what it did. */
    List<Need> run() throws SQLException {
        List<Need> done = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // VACUUM cannot run inside a transaction
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet on = statement.executeQuery("show autovacuum")) {
                    if (on.next() && "on".equalsIgnoreCase(on.getString(1))) {
                        return done;
                    }
                }
                List<Need> needs = new ArrayList<>();
                try (ResultSet tables = statement.executeQuery(STATISTICS)) {
                    while (tables.next()) {
                        Need need = need(tables.getString(1), tables.getLong(2), tables.getLong(3), tables.getDouble(4));
                        if (need.vacuum() || need.analyze()) {
                            needs.add(need);
                        }
                    }
                }
                for (Need need : needs) {
                    String what = need.vacuum() ? (need.analyze() ? "vacuum (analyze) " : "vacuum ") : "analyze ";
                    // the table name comes from the server's own catalog of this schema
                    statement.execute(what + quoted(need.table()));
                    done.add(need);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return done;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
