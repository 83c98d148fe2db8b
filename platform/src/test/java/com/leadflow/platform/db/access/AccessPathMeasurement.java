package com.leadflow.platform.db.access;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Measures the consumer and relay paths on R2DBC (as the services run them today) against JDBC
 * (HikariCP, pgjdbc), against the local PostgreSQL, from one blocking thread as a listener thread
 * runs them. Not a test (it asserts nothing and takes minutes): run it by hand, see
 * {@code platform/README.md}. For each scenario it reports, per transaction, the CPU time of this
 * JVM (the client side: driver, pool, Reactor), the CPU time of the connection's PostgreSQL
 * backend (from /proc, so PostgreSQL must run on this machine), and the wall time. Rounds
 * alternate between the two paths so that the machine's other load falls on both alike; the
 * median round is reported.
 */
public final class AccessPathMeasurement {

    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100

    private record Scenario(String name, int transactions, int eventsPerTransaction, IntConsumer setup,
            java.util.function.BiConsumer<AccessPath, Integer> run) {
    }

    private record Sample(double clientMicros, double backendMicros, double wallMicros) {
    }

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("host", "127.0.0.1");
        int port = Integer.getInteger("port", 5432);
        String database = System.getProperty("database", "test");
        String user = System.getProperty("user.name.db", "postgres");
        int rounds = Integer.getInteger("rounds", 5);
        double scale = Double.parseDouble(System.getProperty("scale", "1"));
        String schema = "access_path_" + Long.toHexString(System.nanoTime());
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        try (var c = DriverManager.getConnection(jdbcUrl, user, "")) {
            c.createStatement().execute("create schema " + schema + "; set search_path to " + schema + "; " + Rows.ddl());
        }
        try (AccessPath r2dbc = new R2dbcPath(host, port, database, user, schema);
                AccessPath jdbc = new JdbcPath(host, port, database, user, schema)) {
            List<Scenario> scenarios = scenarios(jdbc, scale);
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                for (Scenario scenario : scenarios) {
                    for (AccessPath path : round % 2 == 0 ? List.of(r2dbc, jdbc) : List.of(jdbc, r2dbc)) {
                        Sample sample = measure(path, scenario);
                        if (round > 0) { // round 0 warms the JIT and the statement caches up
                            samples.computeIfAbsent(scenario.name() + "|" + path.name(), k -> new ArrayList<>()).add(sample);
                        }
                    }
                }
            }
            report(scenarios, samples, rounds);
        } finally {
            try (var c = DriverManager.getConnection(jdbcUrl, user, "")) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static List<Scenario> scenarios(AccessPath filler, double scale) {
        int few = (int) (2000 * scale);
        int many = (int) (200 * scale);
        return List.of(
                new Scenario("poll of 1 event (claim, row, outbox row)", few, 1, n -> { },
                        (path, i) -> path.pollRowByRow(consumer(path), EVENTS.getAndAdd(1), 1)),
                new Scenario("poll of 20 events, row by row", many, 20, n -> { },
                        (path, i) -> path.pollRowByRow(consumer(path), EVENTS.getAndAdd(20), 20)),
                new Scenario("poll of 20 events, multi-row", many, 20, n -> { },
                        (path, i) -> path.pollMultiRow(consumer(path), EVENTS.getAndAdd(20), 20)),
                new Scenario("relay batch of 1: lock row, select, update", few, 1, filler::fillOutbox,
                        (path, i) -> path.relayLocked(1)),
                new Scenario("relay batch of 1: one update ... returning", few, 1, filler::fillOutbox,
                        (path, i) -> path.relayOneStatement(1)),
                new Scenario("relay batch of 50: lock row, select, update", many, 50, filler::fillOutbox,
                        (path, i) -> path.relayLocked(50)),
                new Scenario("relay batch of 50: one update ... returning", many, 50, filler::fillOutbox,
                        (path, i) -> path.relayOneStatement(50)));
    }

    private static String consumer(AccessPath path) {
        return "measure." + path.name();
    }

    private static Sample measure(AccessPath path, Scenario scenario) throws Exception {
        scenario.setup().accept(scenario.transactions() * scenario.eventsPerTransaction());
        int pid = path.backendPid();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long client0 = os.getProcessCpuTime();
        long backend0 = backendCpuNanos(pid);
        long wall0 = System.nanoTime();
        for (int i = 0; i < scenario.transactions(); i++) {
            scenario.run().accept(path, i);
        }
        long wall = System.nanoTime() - wall0;
        long client = os.getProcessCpuTime() - client0;
        long backend = backendCpuNanos(pid) - backend0;
        int n = scenario.transactions();
        return new Sample(client / 1e3 / n, backend / 1e3 / n, wall / 1e3 / n);
    }

    private static long backendCpuNanos(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS; // utime, stime
    }

    private static void report(List<Scenario> scenarios, Map<String, List<Sample>> samples, int rounds) {
        System.out.printf(Locale.ROOT, "%n%d rounds, median; microseconds per transaction (per event in brackets)%n", rounds);
        System.out.printf(Locale.ROOT, "| scenario | path | client CPU | PostgreSQL CPU | wall |%n|---|---|---|---|---|%n");
        for (Scenario scenario : scenarios) {
            for (String path : List.of("R2DBC", "JDBC")) {
                List<Sample> list = samples.get(scenario.name() + "|" + path);
                Sample m = new Sample(median(list, Sample::clientMicros), median(list, Sample::backendMicros),
                        median(list, Sample::wallMicros));
                int e = scenario.eventsPerTransaction();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", scenario.name(), path,
                        cell(m.clientMicros(), e), cell(m.backendMicros(), e), cell(m.wallMicros(), e));
            }
        }
    }

    private static String cell(double micros, int events) {
        return events == 1 ? String.format(Locale.ROOT, "%.0f", micros)
                : String.format(Locale.ROOT, "%.0f (%.0f)", micros, micros / events);
    }

    private static double median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> value) {
        double[] values = list.stream().mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }
}
