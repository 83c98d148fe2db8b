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
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What {@link Messages}' writes cost per message row against the local PostgreSQL, each in its own
 * transaction of 20 rows as a poll or a sender's batch writes them: {@code addAll} (a poll's new
 * messages), {@code finish} (a batch sent) and {@code hold} (a batch held for quiet hours). Reports
 * the client thread's CPU (ThreadMXBean) and the PostgreSQL backend's (from /proc, in 10 ms ticks, so
 * over many batches), per row. Not a test: run it by hand,
 * {@code java -cp outreach-service/target/test-classes:outreach-service/target/classes:<test classpath>
 * com.leadflow.outreach.message.MessageWritesMeasurement}; to compare with another {@code Messages},
 * put its compiled class first on the class path.
 *
 * <p>2026-12-01, this machine (2 cores, shared), 400 batches of 20 a step, two runs of each,
 * µs per row, client / backend:
 * <pre>
 *           multi-row inserts and batched updates (6928250)    arrays (unnest), one statement each
 * addAll    29.5-33.8 / 50-54                                  13.9-14.6 / 38-48
 * finish    14.5-16.0 / 68-71                                  10.9-12.5 / 36-46
 * hold      13.0-13.9 / 58-64                                  11.7-12.6 / 43-53
 * </pre>
 */
public final class MessageWritesMeasurement {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100
    private static final int ROWS = 20;

    public static void main(String[] args) throws Exception {
        int batches = Integer.getInteger("batches", 400);
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "message_writes_" + Long.toHexString(System.nanoTime());
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        DatabaseClient db = DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=" + schema));
        try (ConsumerDatabase database = ConsumerDatabase.of(new MockEnvironment()
                .withProperty("spring.flyway.url", jdbcUrl).withProperty("spring.flyway.user", "postgres")
                .withProperty("spring.flyway.default-schema", schema), "measurement", 1)) {
            Messages messages = new Messages(db, database);
            int pid = database.inTransaction(() -> database.jdbc().sql("select pg_backend_pid()").query(Integer.class).single());
            Instant now = Instant.parse("2026-12-01T18:00:00Z");
            for (int warm = 0; warm < 2; warm++) {
                List<List<Message>> polls = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    UUID lead = UUID.randomUUID();
                    List<Message> poll = new ArrayList<>();
                    for (int i = 0; i < ROWS; i++) {
                        poll.add(Messages.planned(lead, "status:" + i, MessageKind.CONFIRMATION, Channel.EMAIL,
                                MessageState.PENDING, now, null));
                    }
                    polls.add(poll);
                }
                double[] added = measure(pid, database, polls, messages::addAll);
                double[] finished = measure(pid, database, polls, poll -> messages.finish(poll.stream()
                        .map(m -> new Messages.Finish(m.id(), Channel.EMAIL, MessageState.SENT, now, null, "p-" + m.id()))
                        .toList()));
                double[] held = measure(pid, database, polls, poll -> messages.hold(poll.stream()
                        .map(m -> new Messages.Hold(m.id(), Channel.TEXT, MessageState.DEFERRED, now.plusSeconds(600),
                                1, "quiet hours")).toList()));
                if (warm == 1) {
                    System.out.printf(Locale.ROOT, "%-10s %10s %10s%n", "µs per row", "client", "backend");
                    System.out.printf(Locale.ROOT, "%-10s %10.1f %10.1f%n", "addAll", added[0], added[1]);
                    System.out.printf(Locale.ROOT, "%-10s %10.1f %10.1f%n", "finish", finished[0], finished[1]);
                    System.out.printf(Locale.ROOT, "%-10s %10.1f %10.1f%n", "hold", held[0], held[1]);
                }
            }
        } finally {
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static double[] measure(int pid, ConsumerDatabase database, List<List<Message>> polls,
            Consumer<List<Message>> write) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long backend0 = backendCpuNanos(pid);
        for (List<Message> poll : polls) {
            database.inTransaction(() -> write.accept(poll));
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long backend = backendCpuNanos(pid) - backend0;
        double rows = (double) polls.size() * ROWS;
        return new double[] {cpu / 1e3 / rows, backend / 1e3 / rows};
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
