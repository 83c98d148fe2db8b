package com.leadflow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadflow.test.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Against the local PostgreSQL: the pools let PostgreSQL keep one plan for a server-prepared
 * statement (pgjdbc prepares it on the server from its fifth use, PostgreSQL plans it once for any
 * parameters after five more). Such a plan made while the table was empty scans the table for as long
 * as it is kept; {@link TableMaintenance}'s analyze of the grown table replans it to read by index.
 * What each execution read is counted by the server for the transaction
 * ({@code pg_stat_xact_user_tables}), and whether it ran the one plan by {@code pg_prepared_statements}.
 */
class GenericPlansTest {

    /** As outreach finishes a batch of messages: an update joined to its arrays' rows. */
    private static final String UPDATE = """
            update item m set state = r.state from unnest(?::text[], ?::text[]) as r(id, state)
            where m.id = r.id::uuid""";

    private record Read(long seqScans, long seqRows, long indexScans, long genericPlans) {
    }

    @Test
    void aStatementPlannedOnceWhileItsTableWasEmptyReadsByIndexOnceMaintenanceAnalyzedTheGrownTable()
            throws Exception {
        String schema = PostgresTestDatabase.newSchema("plans");
        try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.jdbcUrl(),
                PostgresTestDatabase.user(), PostgresTestDatabase.password()); Statement s = admin.createStatement()) {
            try (ResultSet on = s.executeQuery("show autovacuum")) {
                on.next();
                assumeTrue("off".equals(on.getString(1)), "the server's autovacuum is on: it analyzes itself, when it will");
            }
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".item (id uuid primary key, state varchar(20) not null, body text)");
            try (RelayDatabase pool = RelayDatabase.of(new MockEnvironment()
                    .withProperty("spring.flyway.url", PostgresTestDatabase.jdbcUrl())
                    .withProperty("spring.flyway.user", PostgresTestDatabase.user())
                    .withProperty("spring.flyway.password", PostgresTestDatabase.password())
                    .withProperty("spring.flyway.default-schema", schema), "plans-test", 1);
                    Connection c = pool.dataSource().getConnection()) {
                List<String> absent = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
                Read empty = update(c, absent, 15);
                assertThat(empty.genericPlans()).as("the one plan, made on the empty table").isPositive();

                s.execute("insert into " + schema + ".item select gen_random_uuid(), 'PENDING', repeat('x', 200)"
                        + " from generate_series(1, 20000)");
                List<String> present = ids(s, schema);
                Read unanalyzed = update(c, present, 3);
                assertThat(unanalyzed.seqRows()).as("the empty table's plan reads the grown table whole")
                        .isGreaterThanOrEqualTo(3 * 20_000);

                // the server counts the inserted rows once the inserting session reports them (within seconds)
                await().atMost(Duration.ofSeconds(30)).until(() -> liveRows(s, schema) >= 20_000);
                try (TableMaintenance maintenance = new TableMaintenance(direct(schema), Duration.ofHours(1))) {
                    assertThat(maintenance.run()).contains(new TableMaintenance.Need("item", false, true));
                }
                Read analyzed = update(c, present, 50);
                assertThat(analyzed.seqScans()).as("sequential scans of the analyzed table").isZero();
                assertThat(analyzed.indexScans()).isGreaterThanOrEqualTo(50);
                assertThat(analyzed.genericPlans()).as("still the one plan, replanned")
                        .isGreaterThanOrEqualTo(empty.genericPlans() + 40);
            }
        }
    }

    /** Runs the update {@code times} times through the pool's connection, in one transaction rolled back. */
    private static Read update(Connection c, List<String> ids, int times) throws SQLException {
        String[] states = ids.stream().map(id -> "SENT").toArray(String[]::new);
        try {
            Read before = read(c);
            try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                for (int i = 0; i < times; i++) {
                    update.setArray(1, c.createArrayOf("text", ids.toArray()));
                    update.setArray(2, c.createArrayOf("text", states));
                    update.executeUpdate();
                }
            }
            Read after = read(c);
            return new Read(after.seqScans() - before.seqScans(), after.seqRows() - before.seqRows(),
                    after.indexScans() - before.indexScans(), after.genericPlans());
        } finally {
            c.rollback();
        }
    }

    /**
     * What the session read of the table and has not yet reported (it reports between transactions,
     * at most once a second), so a difference within one transaction is that transaction's.
     */
    private static Read read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet read = s.executeQuery("""
                        select t.seq_scan, t.seq_tup_read, coalesce(t.idx_scan, 0),
                        (select coalesce(sum(generic_plans), 0) from pg_prepared_statements
                         where statement like 'update item m set state%')
                        from pg_stat_xact_user_tables t where t.relid = 'item'::regclass""")) {
            read.next();
            return new Read(read.getLong(1), read.getLong(2), read.getLong(3), read.getLong(4));
        }
    }

    private static List<String> ids(Statement s, String schema) throws SQLException {
        try (ResultSet rows = s.executeQuery("select id from " + schema + ".item order by random() limit 20")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static long liveRows(Statement s, String schema) throws SQLException {
        try (ResultSet live = s.executeQuery("select coalesce(sum(n_live_tup), 0) from pg_stat_user_tables"
                + " where schemaname = '" + schema + "'")) {
            live.next();
            return live.getLong(1);
        }
    }

    private static DataSource direct(String schema) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(PostgresTestDatabase.jdbcUrl());
        database.setUser(PostgresTestDatabase.user());
        database.setPassword(PostgresTestDatabase.password());
        database.setCurrentSchema(schema);
        return database;
    }
}
