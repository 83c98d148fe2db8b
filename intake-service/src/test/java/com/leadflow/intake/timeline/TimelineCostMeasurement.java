package com.leadflow.intake.timeline;

import com.leadflow.platform.db.ConsumerDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * By hand, not part of the suite (its name is no test's): what one poll of {@code leads.status} costs
 * {@link Timeline#record}, in µs per poll of 1, 4 and 16 reports: wall time, the PostgreSQL backend's CPU
 * (its {@code /proc} entry, so the database must run on this machine) and the calling thread's CPU. It
 * runs against a scratch database holding intake's schema and leads, not the test database: build one
 * from intake's migrations (V1-V3 and what V4 and V5 run), fill {@code lead} (about 100,000 rows), then
 * run {@code ./mvnw -B -ntp -o -q -pl intake-service -am verify -Dtest=TimelineCostMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dscratch=jdbc:postgresql://127.0.0.1:5432/<db>}
 * and read its output file. Each poll is its own transaction, committed, on reports for random leads.
 *
 * <p>Measured 2026-12-02 (100,000 leads, load average 4-8 from other work), the warm second round of two
 * runs each, in µs per poll of 1 / 4 / 16 reports. "Before": three statements per chunk (history joined
 * to {@code lead}, the stages' upsert, a {@code merge} into {@code lead}); "values": the three as
 * {@code with} clauses of one statement over one {@code values} list (kept); "arrays": the same clauses
 * over {@code unnest} of one array parameter per column, one statement text for any size (not kept:
 * PostgreSQL estimates an array parameter's {@code unnest} at 10 rows, so the generic plan looks dearer
 * than a custom one and it plans every call, 0.25-0.6 ms by {@code EXPLAIN ANALYZE}).
 * <pre>
 *             backend CPU          client CPU
 * before     305-420 / 595-775 / 1400-1455    141-217 / 237-348 / 524-533
 * values     350     / 425-480 /  935-1090    136-141 / 147-157 / 265-271
 * arrays     705     / 835     / 1295         206     / 224     / 214     (one run)
 * </pre>
 */
class TimelineCostMeasurement {

    private static final int[] POLL_SIZES = {1, 4, 16};
    private static final String[][] REPORTS = {{"REVIEW", "REVIEW_QUEUED"}, {"INSURANCE", "INSURANCE_VERIFIED"},
            {"MATCHING", "MATCH_WAITLISTED"}};

    @Test
    void costPerPoll() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.flyway.url", System.getProperty("scratch",
                        "jdbc:postgresql://127.0.0.1:5432/scratch_status"))
                .withProperty("spring.flyway.user", "postgres");
        int polls = Integer.getInteger("polls", 2000);
        try (ConsumerDatabase db = ConsumerDatabase.of(env, "measurement", 1)) {
            Timeline timeline = new Timeline(null, db, Clock.systemUTC(), JsonMapper.builder().build());
            List<UUID> leads = db.inTransaction(() -> db.jdbc().sql("select id from lead").query(UUID.class).list());
            int backend = db.inTransaction(() -> db.jdbc().sql("select pg_backend_pid()").query(Integer.class).single());
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 1; round <= 2; round++) {
                for (int size : POLL_SIZES) {
                    // a warm-up: the JIT, and pgjdbc's server-side prepare from a statement's fifth use
                    run(db, timeline, leads, size, polls / 4);
                    long wall = System.nanoTime();
                    long server = backendCpuNanos(backend);
                    long client = threads.getCurrentThreadCpuTime();
                    run(db, timeline, leads, size, polls);
                    System.out.printf("round %d, %2d reports a poll: wall %6.0f us, backend CPU %6.0f us,"
                                    + " client CPU %6.0f us per poll (%d polls)%n", round, size,
                            (System.nanoTime() - wall) / 1e3 / polls, (backendCpuNanos(backend) - server) / 1e3 / polls,
                            (threads.getCurrentThreadCpuTime() - client) / 1e3 / polls, polls);
                }
            }
        }
    }

    private static void run(ConsumerDatabase db, Timeline timeline, List<UUID> leads, int size, int polls) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int poll = 0; poll < polls; poll++) {
            List<Timeline.Step> steps = new ArrayList<>();
            int first = random.nextInt(leads.size() - size);
            for (int i = 0; i < size; i++) {
                String[] report = REPORTS[random.nextInt(REPORTS.length)];
                steps.add(new Timeline.Step(leads.get(first + i), Instant.now(), report[0], report[0], report[1],
                        "Coverage verified with Aetna (Simulated AETNA PPO), in network.", null,
                        Map.of("outcome", "IN_NETWORK", "payer", "AETNA")));
            }
            db.inTransaction(() -> timeline.record(steps));
        }
    }

    /** The backend's user and system time, from {@code /proc/<pid>/stat} (in clock ticks of 10 ms). */
    private static long backendCpuNanos(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }
}
