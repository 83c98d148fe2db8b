package com.leadflow.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * A small JDBC pool (HikariCP, pgjdbc) for the platform's own blocking work on the service's
 * database, beside the R2DBC pool that serves HTTP requests: a relay batch blocks its thread
 * anyway, and on JDBC a batch costs the client 1.5 to 2.7 times less CPU (the README's "R2DBC against
 * JDBC"). It connects with the settings Flyway migrates with ({@code spring.flyway.*}, derived by
 * {@link DatabaseEnvironment} from {@code leadflow.database.*}), so it can never point elsewhere.
 * The pool opens its first connection when first asked. Not a {@code DataSource} bean on purpose:
 * Boot would then configure JDBC repositories and health checks around it.
 */
public final class RelayDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    private RelayDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** @param connections at most this many connections (the relay uses one at a time, its housekeeping another) */
    public static RelayDatabase of(Environment env, String poolName, int connections) {
        // A relay batch's commit only deletes rows the broker has acknowledged (housekeeping only vacuums):
        // should PostgreSQL crash before that commit reached the disk, the rows are published again and
        // consumers, which apply each event id once, leave the repeat out. So it need not wait for its WAL
        // flush (PostgreSQL's asynchronous commit, within wal_writer_delay of durable), which is a flush
        // saved per batch. Every transaction that records events, or applies them, still waits for its own.
        return new RelayDatabase(pool(env, poolName, connections, "-c synchronous_commit=off"));
    }

    /**
     * A HikariCP pool on the database and schema Flyway migrates, without auto-commit, opening its
     * first connection when first asked and keeping one idle. Shared with {@link ConsumerDatabase}.
     */
    static HikariDataSource pool(Environment env, String poolName, int connections) {
        return pool(env, poolName, connections, "");
    }

    private static HikariDataSource pool(Environment env, String poolName, int connections, String options) {
        String url = env.getRequiredProperty("spring.flyway.url");
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setUsername(env.getProperty("spring.flyway.user", ""));
        config.setPassword(env.getProperty("spring.flyway.password", ""));
        String schema = env.getProperty("spring.flyway.default-schema");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (schema != null && !schema.isBlank()) {
            if (postgres) {
                // a startup parameter, the session's own default: a search_path set by a statement on a
                // connection without auto-commit would be undone by the first rollback
                config.addDataSourceProperty("currentSchema", schema);
            } else {
                config.setSchema(schema);
            }
        }
        if (postgres) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // pgjdbc prepares a statement on the server from its fifth use, and PostgreSQL then plans it
            // once for any parameters (a generic plan) when that looks no dearer than planning it for each
            // (PostgreSQL's default plan_cache_mode=auto). A generic plan made while a table was nearly
            // empty may scan it whole (a join against an array's unnest, as outreach's batch updates are),
            // and stays until the table is analyzed or vacuumed, which replans it: where autovacuum is off
            // (as on this project's benchmark machine) TableMaintenance does that whenever a table's row
            // count moved by half (GenericPlansTest). Planning every execution instead
            // (force_custom_plan, as these pools did) cost PostgreSQL 9.2 s of its 35 s at 50 leads/s.
            if (!options.isBlank()) {
                config.addDataSourceProperty("options", options);
            }
        }
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        // a pool configured this way starts at its first getConnection: a service that never relays never connects
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        return pool;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
