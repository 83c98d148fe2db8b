package com.leadflow.outreach.message;

import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.db.ConsumerDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the sender's lease ({@link Messages#lease}, one statement on PostgreSQL) costs against the local
 * PostgreSQL once the message table holds many sent messages and some held for quiet hours, as in a
 * benchmark run: per batch, 20 new messages due now are added, leased (timed) and finished as sent.
 * Reports per lease the client thread's CPU, the PostgreSQL backend's (from /proc, in 10 ms ticks, so
 * over many leases) and the table's sequential scans and rows read (the server's counters, this
 * session's unreported ones included). {@code -Dstale=N} analyzes the table while N more messages wait,
 * then sends them (statistics that think many wait). {@code -Dindex=v1} puts V1's index back (state, due_at) in place
 * of V2's, to compare. Not a test: run it by hand,
 * {@code java -cp outreach-service/target/test-classes:outreach-service/target/classes:<test classpath>
 * com.leadflow.outreach.message.LeaseMeasurement}.
 */
public final class LeaseMeasurement {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100
    private static final int ROWS = 20;

    public static void main(String[] args) throws Exception {
        int batches = Integer.getInteger("batches", 400);
        int sent = Integer.getInteger("sent", 20_000);
        int deferred = Integer.getInteger("deferred", 1_000);
        boolean v1 = "v1".equals(System.getProperty("index"));
        int stale = Integer.getInteger("stale", 0);
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "lease_" + Long.toHexString(System.nanoTime());
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", ""); var s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            if (v1) {
                s.execute("drop index message_due_pending");
                s.execute("create index message_due on message (state, due_at)");
            }
            s.execute("""
                    insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at, sent_at, provider_id)
                    select gen_random_uuid(), gen_random_uuid(), 'submitted:CONFIRMATION', 'CONFIRMATION', 'EMAIL', 'SENT',
                    timestamptz '2026-12-01T17:00:00Z' + g * interval '10 ms', timestamptz '2026-12-01T17:00:00Z',
                    timestamptz '2026-12-01T17:00:00Z', 'provider-' || g from generate_series(1, %d) g""".formatted(sent));
            s.execute("""
                    insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at, reason)
                    select gen_random_uuid(), gen_random_uuid(), 'status:REVIEW_DONE', 'REVIEW_DONE', 'TEXT', 'DEFERRED',
                    timestamptz '2026-12-02T02:00:00Z' + g * interval '1 s', timestamptz '2026-12-01T17:00:00Z',
                    'quiet hours' from generate_series(1, %d) g""".formatted(deferred));
            s.execute("analyze message");
            if (stale > 0) {
                // statistics taken while many messages waited (a burst), then sent: the row count stays,
                // so nothing analyzes again
                s.execute("""
                        insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at)
                        select gen_random_uuid(), gen_random_uuid(), 'status:BURST', 'REVIEW_DONE', 'EMAIL', 'PENDING',
                        timestamptz '2026-12-01T17:30:00Z' + g * interval '1 ms', timestamptz '2026-12-01T17:30:00Z'
                        from generate_series(1, %d) g""".formatted(stale));
                s.execute("analyze message");
                s.execute("update message set state = 'SENT' where purpose = 'status:BURST'");
            }
        }
        DatabaseClient db = DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=" + schema));
        try (ConsumerDatabase database = ConsumerDatabase.of(new MockEnvironment()
                .withProperty("spring.flyway.url", jdbcUrl).withProperty("spring.flyway.user", "postgres")
                .withProperty("spring.flyway.default-schema", schema), "measurement", 1)) {
            Messages messages = new Messages(db, database);
            int pid = database.inTransaction(() -> database.jdbc().sql("select pg_backend_pid()").query(Integer.class).single());
            Instant now = Instant.parse("2026-12-01T18:00:00Z");
            var threads = ManagementFactory.getThreadMXBean();
            for (int warm = 0; warm < 2; warm++) {
                long[] read0 = reads(database);
                long cpu = 0;
                long backend = 0;
                int leased = 0;
                for (int b = 0; b < batches; b++) {
                    UUID lead = UUID.randomUUID();
                    List<Message> poll = new ArrayList<>();
                    for (int i = 0; i < ROWS; i++) {
                        poll.add(Messages.planned(lead, "status:" + i, MessageKind.CONFIRMATION, Channel.EMAIL,
                                MessageState.PENDING, now, null));
                    }
                    database.inTransaction(() -> messages.addAll(poll));
                    Instant at = now.plusMillis(b);
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long backend0 = backendCpuNanos(pid);
                    List<Message> batch = database.inTransaction(() -> messages.lease(at, at.plusSeconds(60), ROWS));
                    cpu += threads.getCurrentThreadCpuTime() - cpu0;
                    backend += backendCpuNanos(pid) - backend0;
                    leased += batch.size();
                    database.inTransaction(() -> {
                        messages.finish(batch.stream().map(m -> new Messages.Finish(m.id(), Channel.EMAIL,
                                MessageState.SENT, at, null, "p-" + m.id())).toList());
                        return null;
                    });
                }
                long[] read = reads(database);
                if (warm == 1) {
                    System.out.printf(Locale.ROOT, "index %s, %d sent + %d deferred messages, %d stale, %d leases (%d messages)%n",
                            v1 ? "V1 (state, due_at)" : "V2 (due_at) where PENDING or DEFERRED", sent, deferred, stale,
                            batches, leased);
                    System.out.printf(Locale.ROOT, "per lease: client %.1f µs, backend %.1f µs; "
                            + "sequential scans %d, rows read by them %d, rows fetched by index %d%n",
                            cpu / 1e3 / batches, backend / 1e3 / batches, read[0] - read0[0], read[1] - read0[1],
                            read[2] - read0[2]);
                }
            }
        } finally {
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** The message table's sequential scans, rows they read, rows fetched by index: reported and not yet reported. */
    private static long[] reads(ConsumerDatabase database) {
        return database.inTransaction(() -> database.jdbc().sql("""
                select t.seq_scan + coalesce(x.seq_scan, 0), t.seq_tup_read + coalesce(x.seq_tup_read, 0),
                coalesce(t.idx_tup_fetch, 0) + coalesce(x.idx_tup_fetch, 0)
                from pg_stat_user_tables t left join pg_stat_xact_user_tables x on x.relid = t.relid
                where t.relid = 'message'::regclass""")
                .query((row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}).single());
    }

    private static long backendCpuNanos(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
