package com.leadflow.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the relay's claim costs PostgreSQL per published event, and what a vacuum of the outbox
 * costs after it, for the claim before delete-on-publish (mark {@code published_at}, rows kept for
 * the retention, the pending index) and after (delete the batch), against the local PostgreSQL
 * (its own database {@code outbox_measure}, so other engineers' statements stay out of the counts).
 * Not a test (it asserts nothing and takes minutes): run it by hand with
 * {@code java -cp platform/target/test-classes:platform/target/classes:<test classpath>
 * com.leadflow.platform.outbox.OutboxClaimMeasurement} ({@code -Devents=3000 -Dhistory=100000 -Drounds=3}).
 *
 * <p>Each layout gets a fresh schema migrated by the platform's own scripts ({@code V0_1}, {@code V0_3};
 * after, also {@code V0_4}); "before" may start with {@code history} published rows, vacuumed, as a
 * retention keeps them. Then, as the relay sees 50 leads/s, events are committed one or two at a
 * time by a writer connection, and after each commit the relay connection claims a batch (up to 200)
 * and commits (asynchronously, as {@code RelayDatabase}). Both connections plan per execution
 * ({@code plan_cache_mode=force_custom_plan}, as the pools). It reports per event the CPU time of the
 * relay's and the writer's PostgreSQL backends (from /proc/<pid>/schedstat, so PostgreSQL must run on this machine),
 * the claim's execution and planning time from {@code pg_stat_statements}, and then the backend CPU
 * and wall time of one {@code vacuum (analyze) outbox_event} (what {@code TableMaintenance} runs).
 * Layouts alternate within each round; the median round is reported.
 */
public final class OutboxClaimMeasurement {

    /** As the pools ran when these numbers were taken (the eighth session put them back on generic plans). */
    private static final String CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan";

    private static final String COLUMNS = " id, event_id, topic, record_key, value_type, payload, correlation_id, traceparent, created_at";

    private static final String MARK = """
            update outbox_event set published_at = ? where id in (
                select id from outbox_event where published_at is null order by id limit ? for update)
            returning""" + COLUMNS;
    private static final String DELETE_IN = """
            delete from outbox_event where id in (
                select id from outbox_event order by id limit ? for update)
            returning""" + COLUMNS;
    private static final String DELETE_ANY = """
            delete from outbox_event where id = any (array(
                select id from outbox_event order by id limit ? for update))
            returning""" + COLUMNS;
    private static final String INSERT_ONE = """
            insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id, traceparent)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TWO = INSERT_ONE + ", (?, ?, ?, ?, ?, ?, ?)";

    private record Layout(String name, boolean deleteOnPublish, int history, String claim) {
    }

    private record Sample(double relayMicros, double writerMicros, double claimExecMicros, double claimPlanMicros,
            double vacuumMillis, double vacuumWallMillis, long claims) {
    }

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("host", "127.0.0.1");
        int port = Integer.getInteger("port", 5432);
        String user = System.getProperty("user.name.db", "postgres");
        int events = Integer.getInteger("events", 3000);
        int history = Integer.getInteger("history", 100_000);
        int rounds = Integer.getInteger("rounds", 3);
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        long dbid = MeasurementDatabase.ensure(server, user);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, "")) {
            List<Layout> layouts = List.of(
                    new Layout("before: mark published_at, " + history + " published rows kept", false, history, MARK),
                    new Layout("before: mark published_at, none kept", false, 0, MARK),
                    new Layout("after: delete ... where id in (select ...)", true, 0, DELETE_IN),
                    new Layout("after: delete ... where id = any (array(select ...))", true, 0, DELETE_ANY));
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                List<Layout> order = new ArrayList<>(layouts);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (Layout layout : order) {
                    Sample sample = measure(admin, dbid, server + MeasurementDatabase.NAME, user, layout, events);
                    System.out.printf(Locale.ROOT, "round %d %s: %s%n", round, layout.name(), sample);
                    if (round > 0) { // round 0 warms the JIT, the server's caches and the statement caches up
                        samples.computeIfAbsent(layout.name(), k -> new ArrayList<>()).add(sample);
                    }
                }
            }
            report(samples, events, rounds);
        }
    }

    private static Sample measure(Connection admin, long dbid, String url, String user, Layout layout, int events)
            throws Exception {
        String schema = "outbox_" + Long.toHexString(System.nanoTime());
        try (Connection setup = DriverManager.getConnection(url, user, "")) {
            setup.setAutoCommit(true);
            Statement ddl = setup.createStatement();
            if (layout.deleteOnPublish()) {
                MeasurementDatabase.migrate(ddl, schema, "V0_1__outbox_and_processed_events.sql",
                        "V0_3__outbox_traceparent.sql", "V0_4__outbox_delete_on_publish.sql");
            } else {
                MeasurementDatabase.migrate(ddl, schema, "V0_1__outbox_and_processed_events.sql",
                        "V0_3__outbox_traceparent.sql");
            }
            if (layout.history() > 0) {
                ddl.execute("insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id,"
                        + " traceparent, created_at, published_at) select gen_random_uuid(), 'leads.status',"
                        + " gen_random_uuid()::text, 'com.leadflow.events.LeadStatusChanged', decode(repeat('ab', 400), 'hex'),"
                        + " md5(g::text), null, now() - interval '1 hour', now() - interval '1 hour'"
                        + " from generate_series(1, " + layout.history() + ") g");
            }
            ddl.execute("vacuum (analyze) outbox_event");
        }
        try (Connection writer = MeasurementDatabase.connect(url, user, schema, CUSTOM_PLANS);
                Connection relay = MeasurementDatabase.connect(url, user, schema, CUSTOM_PLANS + " -c synchronous_commit=off")) {
            int writerPid = MeasurementDatabase.pid(writer);
            int relayPid = MeasurementDatabase.pid(relay);
            // warm both connections' statement caches before counting
            cycle(writer, relay, layout, 1);
            // pg_stat_statements is read before and after, never reset: other engineers read the same counters
            String claimText = layout.deleteOnPublish() ? "delete from outbox_event" : "update outbox_event";
            double[] claim0 = statement(admin, dbid, claimText);
            long relay0 = MeasurementDatabase.cpuNanos(relayPid);
            long writer0 = MeasurementDatabase.cpuNanos(writerPid);
            int published = 0;
            int i = 0;
            while (published < events) {
                published += cycle(writer, relay, layout, 1 + (i++ % 2));
            }
            long relayCpu = MeasurementDatabase.cpuNanos(relayPid) - relay0;
            long writerCpu = MeasurementDatabase.cpuNanos(writerPid) - writer0;
            double[] claim1 = statement(admin, dbid, claimText);
            double[] claim = {claim1[0] - claim0[0], claim1[1] - claim0[1], claim1[2] - claim0[2]};
            relay.setAutoCommit(true);
            long vacuum0 = MeasurementDatabase.cpuNanos(relayPid);
            long wall0 = System.nanoTime();
            relay.createStatement().execute("vacuum (analyze) outbox_event");
            long vacuumWall = System.nanoTime() - wall0;
            long vacuumCpu = MeasurementDatabase.cpuNanos(relayPid) - vacuum0;
            return new Sample(relayCpu / 1e3 / published, writerCpu / 1e3 / published, claim[1] * 1e3 / published,
                    claim[2] * 1e3 / published, vacuumCpu / 1e6, vacuumWall / 1e6, (long) claim[0]);
        } finally {
            try (Connection drop = DriverManager.getConnection(url, user, "")) {
                drop.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** Commits {@code rows} events, then claims a batch and commits it; returns how many the claim took. */
    private static int cycle(Connection writer, Connection relay, Layout layout, int rows) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement(rows == 1 ? INSERT_ONE : INSERT_TWO)) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int r = 0; r < rows; r++) {
                byte[] payload = new byte[400];
                random.nextBytes(payload);
                String key = UUID.randomUUID().toString();
                int p = r * 7;
                insert.setObject(p + 1, UUID.randomUUID());
                insert.setString(p + 2, "leads.status");
                insert.setString(p + 3, key);
                insert.setString(p + 4, "com.leadflow.events.LeadStatusChanged");
                insert.setBytes(p + 5, payload);
                insert.setString(p + 6, key.substring(0, 32));
                insert.setString(p + 7, "00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01");
            }
            insert.executeUpdate();
        }
        writer.commit();
        int claimed = 0;
        try (PreparedStatement claim = relay.prepareStatement(layout.claim())) {
            int p = 1;
            if (!layout.deleteOnPublish()) {
                claim.setObject(p++, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            }
            claim.setInt(p, 200);
            try (ResultSet returned = claim.executeQuery()) {
                while (returned.next()) {
                    returned.getBytes("payload");
                    claimed++;
                }
            }
        }
        relay.commit();
        return claimed;
    }

    /** calls, total exec ms, total plan ms of this database's statements that start with {@code prefix}. */
    private static double[] statement(Connection admin, long dbid, String prefix) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0),"
                + " coalesce(sum(total_plan_time), 0) from pg_stat_statements where dbid = ? and query like ?")) {
            query.setLong(1, dbid);
            query.setString(2, prefix + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3)};
            }
        }
    }

    private static void report(Map<String, List<Sample>> samples, int events, int rounds) {
        System.out.printf(Locale.ROOT, "%n%d events per layout, %d rounds, median round; PostgreSQL per published event,"
                + " then one vacuum after them%n", events, rounds);
        System.out.printf(Locale.ROOT, "| layout | relay backend CPU | writer backend CPU | claim exec | claim plan"
                + " | claims | vacuum (analyze): backend CPU | its wall |%n|---|---:|---:|---:|---:|---:|---:|---:|%n");
        samples.forEach((name, list) -> System.out.printf(Locale.ROOT,
                "| %s | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %d | %.0f ms | %.0f ms |%n", name,
                median(list, Sample::relayMicros), median(list, Sample::writerMicros),
                median(list, Sample::claimExecMicros), median(list, Sample::claimPlanMicros),
                (long) median(list, s -> s.claims()), median(list, Sample::vacuumMillis),
                median(list, Sample::vacuumWallMillis)));
    }

    private static double median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> value) {
        double[] values = list.stream().mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }
}
