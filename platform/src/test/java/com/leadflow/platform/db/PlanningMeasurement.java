package com.leadflow.platform.db;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * What planning costs PostgreSQL per execution with the pools' old {@code plan_cache_mode=force_custom_plan}
 * against PostgreSQL's default ({@code auto}: a server-prepared statement's one generic plan once it looks
 * no dearer), for statements the services run most, on intake's real schema (its migrations, read from
 * the source tree: run from the repository's root) and the platform's outbox, filled and analyzed. Not a
 * test (it asserts nothing): run it by hand, e.g.
 * {@code java -cp platform/target/test-classes:platform/target/classes:$(cat cp.txt) com.leadflow.platform.db.PlanningMeasurement}.
 * Reports per statement the planning and executing time PostgreSQL counted (pg_stat_statements, which
 * must be loaded and created in the database {@code postgres}; read as differences, nothing is reset),
 * and per execution the CPU of the connection's backend (/proc) and of the client thread. The two modes
 * alternate round by round on one connection each; the median round is reported.
 */
public final class PlanningMeasurement {

    private static final String MARK = "/* planning-measurement */ ";
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100
    private static final List<String> MODES = List.of("force_custom_plan", "auto");

    private interface Binder {
        void bind(PreparedStatement statement, Fill fill) throws SQLException;
    }

    private record Scenario(String name, String sql, Binder binder) {
    }

    private record Fill(List<UUID> leads) {
        UUID lead() {
            return leads.get(ThreadLocalRandom.current().nextInt(leads.size()));
        }
    }

    private record Stat(long calls, double planMs, double execMs) {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("url", "jdbc:postgresql://127.0.0.1:5432/test");
        String statsUrl = System.getProperty("stats-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("db.user", "postgres");
        int rounds = Integer.getInteger("rounds", 5);
        int executions = Integer.getInteger("executions", 500);
        int leads = Integer.getInteger("leads", 30_000);
        String schema = "planning_" + Long.toHexString(System.nanoTime());
        Flyway.configure().dataSource(url, user, "").schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform", "filesystem:intake-service/src/main/resources/db/migration/service")
                .load().migrate();
        List<Scenario> scenarios = scenarios();
        try (Connection setup = connect(url, user, schema, "auto");
                Connection stats = DriverManager.getConnection(statsUrl, user, "")) {
            setup.setAutoCommit(true);
            Fill fill = fill(setup, leads);
            Map<String, Connection> connections = new LinkedHashMap<>();
            for (String mode : MODES) {
                connections.put(mode, connect(url, user, schema, mode));
            }
            Map<String, List<Stat>> perStatement = new HashMap<>();
            Map<String, List<double[]>> perMode = new HashMap<>();
            for (int round = 0; round <= rounds; round++) {
                List<String> order = round % 2 == 0 ? MODES : List.of(MODES.get(1), MODES.get(0));
                for (String mode : order) {
                    Connection c = connections.get(mode);
                    int pid = backendPid(c);
                    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    Map<String, Stat> before = read(stats);
                    long backend0 = backendCpuNanos(pid);
                    long client0 = threads.getCurrentThreadCpuTime();
                    for (Scenario scenario : scenarios) {
                        try (PreparedStatement statement = c.prepareStatement(MARK + scenario.sql())) {
                            for (int i = 0; i < executions; i++) {
                                scenario.binder().bind(statement, fill);
                                statement.execute();
                                c.commit();
                            }
                        }
                    }
                    long client = threads.getCurrentThreadCpuTime() - client0;
                    long backend = backendCpuNanos(pid) - backend0;
                    Map<String, Stat> after = read(stats);
                    if (round == 0) {
                        continue; // warms the JIT, the connection's statement cache and the server's plans up
                    }
                    int n = executions * scenarios.size();
                    perMode.computeIfAbsent(mode, k -> new ArrayList<>())
                            .add(new double[] {backend / 1e3 / n, client / 1e3 / n});
                    for (Scenario scenario : scenarios) {
                        Stat b = before.getOrDefault(MARK + scenario.sql(), new Stat(0, 0, 0));
                        Stat a = after.get(MARK + scenario.sql());
                        perStatement.computeIfAbsent(scenario.name() + "|" + mode, k -> new ArrayList<>())
                                .add(new Stat(a.calls() - b.calls(), a.planMs() - b.planMs(), a.execMs() - b.execMs()));
                    }
                }
            }
            report(scenarios, perStatement, perMode, rounds, executions);
            for (Connection c : connections.values()) {
                c.close();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static List<Scenario> scenarios() {
        return List.of(
                new Scenario("intake: duplicate lookup", """
                        select coalesce(possible_duplicate_of, id) as original from lead
                        where (email_sha256 = ? or phone_sha256 = ?) and submitted_at >= ?
                        order by submitted_at desc limit ?""", (s, f) -> {
                            s.setString(1, sha());
                            s.setString(2, sha());
                            s.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(90 * 86_400)));
                            s.setInt(4, 1);
                        }),
                new Scenario("intake: lead by id", "select id from lead where id in (?)",
                        (s, f) -> s.setObject(1, f.lead())),
                new Scenario("intake: merge of a lead's stage", """
                        merge into lead using (values (cast(? as uuid), cast(? as varchar(20)), cast(? as varchar(40)),
                        cast(? as timestamp with time zone))) as step(lead_id, stage, status, occurred_at)
                        on lead.id = step.lead_id when matched and lead.stage_changed_at < step.occurred_at then
                        update set current_stage = step.stage, current_status = step.status,
                        stage_changed_at = step.occurred_at""", (s, f) -> {
                            s.setObject(1, f.lead());
                            s.setString(2, "REVIEW");
                            s.setString(3, "IN_REVIEW");
                            s.setTimestamp(4, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
                        }),
                new Scenario("intake: stage upsert", """
                        insert into lead_stage as known (lead_id, stage, status, occurred_at) values (?, ?, ?, ?)
                        on conflict (lead_id, stage) do update set status = excluded.status,
                        occurred_at = excluded.occurred_at where known.occurred_at < excluded.occurred_at""", (s, f) -> {
                            s.setObject(1, f.lead());
                            s.setString(2, "REVIEW");
                            s.setString(3, "IN_REVIEW");
                            s.setTimestamp(4, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
                        }),
                new Scenario("platform: relay claim", """
                        update outbox_event set published_at = ? where id in (
                        select id from outbox_event where published_at is null order by id limit ? for update)
                        returning id, event_id, topic, record_key, value_type, payload, correlation_id, traceparent, created_at""",
                        (s, f) -> {
                            s.setTimestamp(1, Timestamp.from(Instant.now()));
                            s.setInt(2, 50);
                        }),
                new Scenario("platform: processed event", """
                        insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing""",
                        (s, f) -> {
                            s.setString(1, "measure.consumer");
                            s.setString(2, UUID.randomUUID().toString());
                        }));
    }

    private static Fill fill(Connection c, int leads) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    insert into lead (id, status_token, submitted_at, requested_services, callback_requested,
                    email_sha256, phone_sha256, details, consent_given, disclosure_version, disclosure_sha256,
                    consent_recorded_at, current_stage, current_status, stage_changed_at)
                    select gen_random_uuid(), md5('t' || g), now() - g * interval '10 s', 'REVIEW,INSURANCE', false,
                    encode(sha256(('e' || g)::bytea), 'hex'), encode(sha256(('p' || g)::bytea), 'hex'),
                    repeat('{"x":1}', 100), true, 'v1', md5('d'), now(), 'SUBMITTED', 'RECEIVED', now()
                    from generate_series(1, %d) g""".formatted(leads));
            s.execute("insert into lead_stage select id, s, 'DONE', now() from lead,"
                    + " unnest(array['REVIEW','INSURANCE','MATCH']) s");
            s.execute("""
                    insert into outbox_event (event_id, topic, record_key, value_type, payload, published_at)
                    select gen_random_uuid(), 'leads.status', 'k', 'T', '\\x00'::bytea, now()
                    from generate_series(1, %d)""".formatted(leads));
            s.execute("analyze");
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("select id from lead")) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return new Fill(ids);
        }
    }

    private static Connection connect(String url, String user, String schema, String mode) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("currentSchema", schema);
        p.setProperty("options", "-c plan_cache_mode=" + mode);
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(false);
        return c;
    }

    private static Map<String, Stat> read(Connection stats) throws SQLException {
        Map<String, Stat> read = new HashMap<>();
        try (Statement s = stats.createStatement(); ResultSet rows = s.executeQuery("""
                select query, sum(calls), sum(total_plan_time), sum(total_exec_time) from pg_stat_statements
                where query like '/* planning-measurement */%' group by query""")) {
            while (rows.next()) {
                read.put(rows.getString(1), new Stat(rows.getLong(2), rows.getDouble(3), rows.getDouble(4)));
            }
        }
        return read.entrySet().stream().collect(HashMap::new, (m, e) -> m.put(unnumbered(e.getKey()), e.getValue()),
                HashMap::putAll);
    }

    /** pg_stat_statements shows parameters as $1, $2...: back to the ?s the statements were written with. */
    private static String unnumbered(String query) {
        return query.replaceAll("\\$\\d+", "?");
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet pid = s.executeQuery("select pg_backend_pid()")) {
            pid.next();
            int value = pid.getInt(1);
            c.commit();
            return value;
        }
    }

    private static long backendCpuNanos(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS; // utime, stime
    }

    private static String sha() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private static void report(List<Scenario> scenarios, Map<String, List<Stat>> perStatement,
            Map<String, List<double[]>> perMode, int rounds, int executions) {
        System.out.printf(Locale.ROOT, "%n%d rounds of %d executions per statement, median round; µs per execution%n",
                rounds, executions);
        System.out.printf(Locale.ROOT, "| statement | mode | planning | executing |%n|---|---|---:|---:|%n");
        for (Scenario scenario : scenarios) {
            for (String mode : MODES) {
                List<Stat> list = perStatement.get(scenario.name() + "|" + mode);
                double plan = median(list.stream().mapToDouble(st -> st.planMs() * 1e3 / st.calls()).toArray());
                double exec = median(list.stream().mapToDouble(st -> st.execMs() * 1e3 / st.calls()).toArray());
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f |%n", scenario.name(), mode, plan, exec);
            }
        }
        System.out.printf(Locale.ROOT, "%n| mode | PostgreSQL backend CPU | client thread CPU |%n|---|---:|---:|%n");
        for (String mode : MODES) {
            List<double[]> list = perMode.get(mode);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", mode,
                    median(list.stream().mapToDouble(v -> v[0]).toArray()),
                    median(list.stream().mapToDouble(v -> v[1]).toArray()));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
