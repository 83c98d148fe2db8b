package com.leadflow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadflow.test.PostgresTestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Against the local PostgreSQL: dead rows are vacuumed and changed tables analyzed when the server's autovacuum does not. */
class TableMaintenanceTest {

    @Test
    void aTableIsVacuumedOnceItsDeadRowsPassFivePercentAndAnalyzedOnceItsRowCountMovedByHalf() {
        assertThat(TableMaintenance.need("t", 10_000, 1_000, 10_000).vacuum()).isFalse();
        assertThat(TableMaintenance.need("t", 10_000, 1_001, 10_000).vacuum()).isTrue();
        assertThat(TableMaintenance.need("t", 0, 501, 0).vacuum()).as("a queue table's dead rows").isTrue();
        assertThat(TableMaintenance.need("t", 500, 0, -1).analyze()).as("never analyzed, small").isFalse();
        assertThat(TableMaintenance.need("t", 501, 0, -1).analyze()).as("never analyzed, grown").isTrue();
        assertThat(TableMaintenance.need("t", 15_500, 0, 10_000).analyze()).isFalse();
        assertThat(TableMaintenance.need("t", 15_501, 0, 10_000).analyze()).as("grown by half").isTrue();
        assertThat(TableMaintenance.need("t", 4_499, 0, 10_000).analyze()).as("shrunk by half").isTrue();
        assertThat(TableMaintenance.need("t", 40, 0, 60).analyze()).as("a queue table's few rows").isFalse();
    }

    @Test
    void theDeadRowsOfAQueueTableAreVacuumedAwayWhenTheServerLeavesThem() throws Exception {
        String schema = PostgresTestDatabase.newSchema("maintenance");
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.jdbcUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement s = c.createStatement()) {
            createSchemaWhereAutovacuumIsOff(s, schema);
            s.execute("create table " + schema + ".queue (id int primary key, body text)");
            s.execute("insert into " + schema + ".queue select g, 'row ' || g from generate_series(1, 3000) g");
            s.execute("delete from " + schema + ".queue where id > 2000");
            await().atMost(Duration.ofSeconds(30)).until(() -> deadRows(s, schema) >= 1_000);

            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setUrl(PostgresTestDatabase.jdbcUrl());
            database.setUser(PostgresTestDatabase.user());
            database.setPassword(PostgresTestDatabase.password());
            database.setCurrentSchema(schema);
            try (TableMaintenance maintenance = new TableMaintenance(database, Duration.ofHours(1))) {
                assertThat(maintenance.run()).containsExactly(new TableMaintenance.Need("queue", true, true));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> deadRows(s, schema) == 0);
            try (ResultSet vacuumed = s.executeQuery("select last_vacuum is not null, last_analyze is not null"
                    + " from pg_stat_user_tables where schemaname = '" + schema + "'")) {
                vacuumed.next();
                assertThat(vacuumed.getBoolean(1)).as("vacuumed").isTrue();
                assertThat(vacuumed.getBoolean(2)).as("analyzed").isTrue();
            }
        }
    }

    @Test
    void itsAnalyzesSampleLessAndLeaveThePooledConnectionAsItWas() throws Exception {
        String schema = PostgresTestDatabase.newSchema("maintenance");
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.jdbcUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement s = c.createStatement()) {
            createSchemaWhereAutovacuumIsOff(s, schema);
            String serverTarget;
            try (ResultSet target = s.executeQuery("show default_statistics_target")) {
                target.next();
                serverTarget = target.getString(1);
            }
            s.execute("create table " + schema + ".item (id int primary key, body text)");
            s.execute("insert into " + schema + ".item select g, 'row ' || g from generate_series(1, 20000) g");
            await().atMost(Duration.ofSeconds(30)).until(() -> liveRows(s, schema) >= 20_000);

            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(PostgresTestDatabase.jdbcUrl());
            config.setUsername(PostgresTestDatabase.user());
            config.setPassword(PostgresTestDatabase.password());
            config.setSchema(schema);
            config.setMaximumPoolSize(1);
            try (HikariDataSource pool = new HikariDataSource(config);
                    TableMaintenance maintenance = new TableMaintenance(pool, Duration.ofHours(1))) {
                assertThat(maintenance.run()).containsExactly(new TableMaintenance.Need("item", false, true));
                try (Connection same = pool.getConnection(); Statement q = same.createStatement();
                        ResultSet target = q.executeQuery("show default_statistics_target")) {
                    target.next();
                    assertThat(target.getString(1)).as("the pooled connection's own setting").isEqualTo(serverTarget);
                }
            }
            try (ResultSet stats = s.executeQuery("select array_length(histogram_bounds, 1) from pg_stats"
                    + " where schemaname = '" + schema + "' and tablename = 'item' and attname = 'id'")) {
                assertThat(stats.next()).as("the id column has statistics").isTrue();
                assertThat(stats.getInt(1)).as("histogram bounds").isEqualTo(TableMaintenance.STATISTICS_TARGET + 1);
            }
        }
    }

    /** The schema for a test of what the server's autovacuum would otherwise do (skipped where it is on). */
    private static void createSchemaWhereAutovacuumIsOff(Statement s, String schema) throws SQLException {
        try (ResultSet on = s.executeQuery("show autovacuum")) {
            on.next();
            assumeTrue("off".equals(on.getString(1)), "the server's autovacuum is on: it does this itself");
        }
        s.execute("create schema " + schema);
    }

    private static long liveRows(Statement s, String schema) throws SQLException {
        try (ResultSet live = s.executeQuery("select coalesce(sum(n_live_tup), 0) from pg_stat_user_tables"
                + " where schemaname = '" + schema + "'")) {
            live.next();
            return live.getLong(1);
        }
    }

    private static long deadRows(Statement s, String schema) throws SQLException {
        try (ResultSet dead = s.executeQuery("select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables"
                + " where schemaname = '" + schema + "'")) {
            dead.next();
            return dead.getLong(1);
        }
    }
}
