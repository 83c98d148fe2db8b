package com.leadflow.platform.outbox;

import com.leadflow.platform.db.TableMaintenance;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * What the relay's claim costs PostgreSQL under a steady load like intake's at 50 leads/s in the
 * benchmark (about 70 claims a second of 2-5 rows), from the lowest id (the claim before
 * {@link OutboxClaim}) and from the claim's floor, against the local PostgreSQL (database
 * {@code outbox_measure}, so nobody else's statements or snapshots mix in). Not a test (it asserts
 * nothing and takes minutes): run it by hand with
 * {@code java -cp platform/target/test-classes:platform/target/classes:<test classpath>
 * com.leadflow.platform.outbox.OutboxClaimFloorMeasurement} ({@code -Dseconds=120 -Drounds=2}).
 *
 * <p>Each variant gets a fresh schema migrated by the platform's scripts. For {@code seconds}: a
 * writer commits one or two events (1.2 kB payloads, as {@code LeadSubmitted}) every 5 ms; the relay
 * claims every 14 ms and holds its transaction 3 ms before committing, as it waits for the broker's
 * acknowledgement (asynchronous commit, as {@code RelayDatabase}); three neighbours each hold a
 * transaction id for 5 ms every 15 ms, as the other services' relays and consumers do in the same
 * database; every 15 s one of them holds a snapshot for 400 ms (an analyze of a large table;
 * {@code -DholdMillis}, {@code -DholdEveryMillis}); and the
 * platform's {@link TableMaintenance} runs every 15 s, as in the services. It reports, per claim, the
 * relay backend's CPU (/proc/&lt;pid&gt;/schedstat), the claim's (and the floor's writers query's)
 * execution time from {@code pg_stat_statements} (differences of two reads; nothing is reset), and
 * the relay thread's own CPU. Variants alternate within each round; round 0 warms up and is left out.
 */
public final class OutboxClaimFloorMeasurement {

    private static final String LOWEST = """
            delete from outbox_event where id = any (array(
                select id from outbox_event order by id limit ? for update))
            returning id, event_id, topic, record_key, value_type, payload, correlation_id, traceparent, created_at""";
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id, traceparent)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private static int holdMillis;
    private static int holdEveryMillis;

    private record Sample(long claims, long rows, double backendMicros, double claimExecMicros,
            double writersExecMicros, double relayThreadMicros, long vacuums) {
    }

    public static void main(String[] args) throws Exception {
        String server = "jdbc:postgresql://" + System.getProperty("host", "127.0.0.1") + ":"
                + Integer.getInteger("port", 5432) + "/";
        String user = System.getProperty("user.name.db", "postgres");
        int seconds = Integer.getInteger("seconds", 120);
        int rounds = Integer.getInteger("rounds", 2);
        // how long the first neighbour holds a snapshot, and how often: an analyze of a large table, or
        // on a saturated machine any transaction descheduled while it is open
        holdMillis = Integer.getInteger("holdMillis", 400);
        holdEveryMillis = Integer.getInteger("holdEveryMillis", 15_000);
        long dbid = MeasurementDatabase.ensure(server, user);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (Connection stats = DriverManager.getConnection(server + "postgres", user, "")) {
            for (int round = 0; round <= rounds; round++) {
                List<Boolean> order = round % 2 == 0 ? List.of(false, true) : List.of(true, false);
                for (boolean floor : order) {
                    String name = floor ? "from the floor (OutboxClaim)" : "from the lowest id (before)";
                    Sample sample = run(stats, dbid, server + MeasurementDatabase.NAME, user, floor,
                            round == 0 ? Math.min(20, seconds) : seconds);
                    System.out.printf(Locale.ROOT, "round %d %s: %s%n", round, name, sample);
                    if (round > 0) {
                        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(sample);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d s per variant, %d rounds, a snapshot held %d ms every %d ms; per claim%n",
                seconds, rounds, holdMillis, holdEveryMillis);
        System.out.println("| claim | claims | rows a claim | relay backend CPU | claim exec | writers query exec | relay thread CPU | vacuums |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        samples.forEach((name, list) -> list.forEach(s -> System.out.printf(Locale.ROOT,
                "| %s | %d | %.1f | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %d |%n", name, s.claims(),
                (double) s.rows() / s.claims(), s.backendMicros(), s.claimExecMicros(), s.writersExecMicros(),
                s.relayThreadMicros(), s.vacuums())));
    }

    private static Sample run(Connection stats, long dbid, String url, String user, boolean floor, int seconds)
            throws Exception {
        String schema = "floor_" + Long.toHexString(System.nanoTime());
        try (Connection setup = DriverManager.getConnection(url, user, "")) {
            setup.setAutoCommit(true);
            MeasurementDatabase.migrate(setup.createStatement(), schema, "V0_1__outbox_and_processed_events.sql",
                    "V0_3__outbox_traceparent.sql", "V0_4__outbox_delete_on_publish.sql");
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        HikariDataSource maintenancePool = new HikariDataSource();
        maintenancePool.setJdbcUrl(url);
        maintenancePool.setUsername(user);
        maintenancePool.addDataSourceProperty("currentSchema", schema);
        maintenancePool.setMaximumPoolSize(1);
        maintenancePool.setAutoCommit(false);
        long[] vacuums0 = vacuums(stats, schema, url, user);
        try (Connection writer = MeasurementDatabase.connect(url, user, schema, "");
                Connection relay = MeasurementDatabase.connect(url, user, schema, "-c synchronous_commit=off");
                TableMaintenance maintenance = new TableMaintenance(maintenancePool, Duration.ofSeconds(15))) {
            threads.add(start("writer", () -> write(writer, stop)));
            for (int n = 0; n < 3; n++) {
                int neighbour = n;
                threads.add(start("neighbour-" + n, () -> neighbour(url, user, schema, neighbour == 0, stop)));
            }
            int relayPid = MeasurementDatabase.pid(relay);
            OutboxClaim claim = new OutboxClaim();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            // a few claims first: statements prepared on the server, the floor settled
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline) {
                claimOnce(relay, claim, floor);
            }
            double[] before = statements(stats, dbid);
            long backend0 = MeasurementDatabase.cpuNanos(relayPid);
            long thread0 = cpu.getCurrentThreadCpuTime();
            long claims = 0;
            long rows = 0;
            long next = System.nanoTime();
            long end = next + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                rows += claimOnce(relay, claim, floor);
                claims++;
                next += TimeUnit.MILLISECONDS.toNanos(14);
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
            long thread = cpu.getCurrentThreadCpuTime() - thread0;
            long backend = MeasurementDatabase.cpuNanos(relayPid) - backend0;
            double[] after = statements(stats, dbid);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            long[] vacuums1 = vacuums(stats, schema, url, user);
            double claimExec = floor ? after[1] - before[1] : after[0] - before[0];
            return new Sample(claims, rows, backend / 1e3 / claims, claimExec * 1e3 / claims,
                    (after[2] - before[2]) * 1e3 / claims, thread / 1e3 / claims, vacuums1[0] - vacuums0[0]);
        } finally {
            stop.set(true);
            maintenancePool.close();
            try (Connection drop = DriverManager.getConnection(url, user, "")) {
                drop.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** One relay batch: claim, the broker's 3 ms, commit; returns the rows taken. */
    private static int claimOnce(Connection relay, OutboxClaim claim, boolean floor) throws SQLException {
        int taken;
        OutboxClaim.Claimed claimed = null;
        if (floor) {
            claimed = claim.claim(relay, 200);
            taken = claimed.rows().size();
        } else {
            taken = 0;
            try (PreparedStatement lowest = relay.prepareStatement(LOWEST)) {
                lowest.setInt(1, 200);
                try (ResultSet row = lowest.executeQuery()) {
                    while (row.next()) {
                        row.getBytes("payload");
                        taken++;
                    }
                }
            }
        }
        if (taken > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
        }
        relay.commit();
        if (claimed != null) {
            claim.committed(claimed);
        }
        return taken;
    }

    private static void write(Connection writer, AtomicBoolean stop) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long next = System.nanoTime();
        try (PreparedStatement insert = writer.prepareStatement(INSERT)) {
            while (!stop.get()) {
                int events = 1 + random.nextInt(2);
                for (int e = 0; e < events; e++) {
                    byte[] payload = new byte[1200];
                    random.nextBytes(payload);
                    String key = UUID.randomUUID().toString();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "leads.submitted");
                    insert.setString(3, key);
                    insert.setString(4, "com.leadflow.events.LeadSubmitted");
                    insert.setBytes(5, payload);
                    insert.setString(6, key.substring(0, 32));
                    insert.setString(7, "00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01");
                    insert.addBatch();
                }
                insert.executeBatch();
                writer.commit();
                next += TimeUnit.MILLISECONDS.toNanos(5);
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another service's transactions in the same database; the first also an analyze's long snapshot now and then. */
    private static void neighbour(String url, String user, String schema, boolean longSnapshots, AtomicBoolean stop) {
        try (Connection connection = MeasurementDatabase.connect(url, user, schema, "")) {
            long nextLong = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdEveryMillis / 2);
            while (!stop.get()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select txid_current()");
                    if (longSnapshots && System.nanoTime() > nextLong) {
                        statement.execute("select pg_sleep(" + holdMillis / 1000.0 + ")");
                        nextLong += TimeUnit.MILLISECONDS.toNanos(holdEveryMillis);
                    } else {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                    }
                }
                connection.commit();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** total exec ms of the lowest-id claim, the floor's claim and the floor's writers query, in this database. */
    private static double[] statements(Connection stats, long dbid) throws SQLException {
        try (PreparedStatement query = stats.prepareStatement("""
                select coalesce(sum(total_exec_time) filter (where query like 'delete from outbox_event%' and query not like '%id >=%'), 0),
                       coalesce(sum(total_exec_time) filter (where query like 'delete from outbox_event%' and query like '%id >=%'), 0),
                       coalesce(sum(total_exec_time) filter (where query like 'select s.last_value%'), 0)
                from pg_stat_statements where dbid = ?""")) {
            query.setLong(1, dbid);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3)};
            }
        }
    }

    private static long[] vacuums(Connection stats, String schema, String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
                PreparedStatement query = c.prepareStatement(
                        "select coalesce(sum(vacuum_count), 0) from pg_stat_user_tables where schemaname = ? and relname = 'outbox_event'")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1)};
            }
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
