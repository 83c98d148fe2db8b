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
 *
 * <p>Its analyzes sample {@value #STATISTICS_TARGET} × 300 rows of a table, not the server's default
 * (100 × 300): what the services' plans need from statistics is a table's size and the spread of a few
 * keys, which 9,000 rows show as well, and an analyze reads and sorts a third of the rows. In the last
 * benchmark run its analyzes of intake's and review's larger tables took 0.4-1.1 s each (12 of the 138 s
 * PostgreSQL spent on statements from the 50 leads/s step on); by hand, on intake's schema at 200,000
 * leads, {@code analyze lead} 0.8-2.2 s became about 0.3 s, {@code analyze timeline_entry} 0.2-0.6 s
 * 0.1-0.4 s. The setting is its session's only, and reset before the pooled connection goes back.
 */
public final class TableMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);

    private static final String STATISTICS = """
            select s.relname, s.n_live_tup, s.n_dead_tup, c.reltuples
            from pg_stat_user_tables s join pg_class c on c.oid = s.relid
            where s.schemaname = current_schema()""";

    /** The statistics target of its analyzes (the server's default is 100). */
    static final int STATISTICS_TARGET = 30;

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
                if (needs.isEmpty()) {
                    return done;
                }
                statement.execute("set default_statistics_target = " + STATISTICS_TARGET);
                try {
                    for (Need need : needs) {
                        String what = need.vacuum() ? (need.analyze() ? "vacuum (analyze) " : "vacuum ") : "analyze ";
                        // the table name comes from the server's own catalog of this schema
                        statement.execute(what + quoted(need.table()));
                        done.add(need);
                    }
                } finally {
                    statement.execute("reset default_statistics_target");
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
