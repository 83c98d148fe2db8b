package com.leadflow.platform.outbox;

import com.leadflow.platform.db.RelayDatabase;
import com.leadflow.platform.kafka.EncodedEvent;
import com.leadflow.platform.kafka.KafkaWiringAutoConfiguration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What the relay costs per event with and without {@code leadflow.outbox.min-batch-interval}, at a
 * steady rate of committed events, against the local PostgreSQL (database {@code outbox_measure})
 * and spring-kafka-test's embedded broker (in this JVM; its threads are not counted). Not a test:
 * run it by hand like {@link OutboxClaimMeasurement} ({@code -Drates=50,150,300 -Dintervals=0,5,10
 * -Dseconds=20}). A writer commits one event at a time at the rate and wakes the relay, as a service
 * does after its commit; the relay is the platform's own, on {@link RelayDatabase}'s pool, batches of up
 * to 200. Per configuration it reports per event the CPU time of the relay thread and the producer's
 * network thread (ThreadMXBean) and of the relay's PostgreSQL backends (/proc/<pid>/schedstat), the
 * events per batch, and the commit-to-acknowledged delay (p50, p99) the relay's metric would show.
 */
public final class OutboxRelayBatchMeasurement {

    private static final String DATABASE = MeasurementDatabase.NAME;
    private static final String TOPIC = "leads.status";

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("host", "127.0.0.1");
        int port = Integer.getInteger("port", 5432);
        String user = System.getProperty("user.name.db", "postgres");
        int seconds = Integer.getInteger("seconds", 20);
        List<Integer> rates = ints(System.getProperty("rates", "50,150,300"));
        List<Integer> intervals = ints(System.getProperty("intervals", "0,5,10"));
        String server = "jdbc:postgresql://" + host + ":" + port + "/";
        MeasurementDatabase.ensure(server, user);
        String url = server + DATABASE;
        String schema = "relay_" + Long.toHexString(System.nanoTime());
        try (Connection setup = DriverManager.getConnection(url, user, "")) {
            MeasurementDatabase.migrate(setup.createStatement(), schema, "V0_1__outbox_and_processed_events.sql",
                    "V0_3__outbox_traceparent.sql", "V0_4__outbox_delete_on_publish.sql");
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("measure", Map.of(
                "spring.flyway.url", url, "spring.flyway.user", user, "spring.flyway.password", "",
                "spring.flyway.default-schema", schema)));
        RelayDatabase relayDb = RelayDatabase.of(env, "outbox-relay", 2);
        Map<String, Object> producer = new HashMap<>(KafkaWiringAutoConfiguration.reliableProducerConfig());
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        Serializer<Object> payload = (topic, value) -> ((EncodedEvent) value).avroBinary();
        var factory = new DefaultKafkaProducerFactory<String, Object>(producer, new StringSerializer(), payload);
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(factory);
        List<String> lines = new ArrayList<>();
        try (Connection writer = DriverManager.getConnection(url + "?currentSchema=" + schema, user, "")) {
            // a warm-up of every configuration, then the measured ones
            for (boolean measured : List.of(false, true)) {
                for (int rate : rates) {
                    for (int interval : intervals) {
                        String line = run(relayDb, kafka, writer, rate, interval, measured ? seconds : 5);
                        System.out.println((measured ? "" : "warm-up ") + line);
                        if (measured) {
                            lines.add(line);
                        }
                    }
                }
            }
        } finally {
            factory.destroy();
            relayDb.close();
            broker.destroy();
            try (Connection drop = DriverManager.getConnection(url, user, "")) {
                drop.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
        System.out.printf(Locale.ROOT, "%n%d s per configuration; per event%n", seconds);
        System.out.println("| events/s | min-batch-interval | events | per batch | relay threads CPU | PostgreSQL (relay) CPU"
                + " | delay p50 / p99 |\n|---:|---:|---:|---:|---:|---:|---:|");
        lines.forEach(System.out::println);
    }

    private static String run(RelayDatabase relayDb, KafkaTemplate<String, Object> kafka, Connection writer, int rate,
            int intervalMs, int seconds) throws Exception {
        OutboxProperties properties = new OutboxProperties(true, Duration.ofSeconds(2), 200, Duration.ofSeconds(30),
                Duration.ofMillis(intervalMs));
        OutboxRelaySignal signal = new OutboxRelaySignal();
        AtomicLong batches = new AtomicLong();
        AtomicLong published = new AtomicLong();
        ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
        OutboxRelay relay = new OutboxRelay(relayDb.dataSource(), kafka, signal, properties) {
            @Override
            protected reactor.core.publisher.Mono<Void> confirmPublished(List<OutboxRow> rows) {
                long now = System.currentTimeMillis();
                batches.incrementAndGet();
                published.addAndGet(rows.size());
                rows.forEach(row -> delays.add(now - row.createdAt().toInstant().toEpochMilli()));
                return super.confirmPublished(rows);
            }
        };
        relay.start();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong written = new AtomicLong();
        try (PreparedStatement insert = writer.prepareStatement("""
                insert into outbox_event (event_id, topic, record_key, value_type, payload, correlation_id, traceparent)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            // let the relay's first drain (at its start) and its pool's connections settle
            relay.drain().block();
            List<Integer> backends = relayBackends(writer);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long relay0 = relayThreadsCpu(threads);
            long pg0 = cpu(backends);
            long batches0 = batches.get();
            long published0 = published.get();
            delays.clear();
            pacer.scheduleAtFixedRate(() -> {
                try {
                    byte[] bytes = new byte[400];
                    ThreadLocalRandom.current().nextBytes(bytes);
                    String key = UUID.randomUUID().toString();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, TOPIC);
                    insert.setString(3, key);
                    insert.setString(4, "com.leadflow.events.LeadStatusChanged");
                    insert.setBytes(5, bytes);
                    insert.setString(6, key.substring(0, 32));
                    insert.setString(7, "00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01");
                    insert.executeUpdate();
                    written.incrementAndGet();
                    signal.wakeUp();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(seconds + 30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> written.get() >= (long) rate * seconds);
            pacer.shutdownNow();
            pacer.awaitTermination(5, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> published.get() - published0 >= written.get());
            long events = published.get() - published0;
            double relayCpu = (relayThreadsCpu(threads) - relay0) / 1e3 / events;
            double pgCpu = (cpu(backends) - pg0) / 1e3 / events;
            long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "| %d | %d ms | %d | %.2f | %.0f µs | %.0f µs | %d / %d ms |", rate, intervalMs,
                    events, (double) events / (batches.get() - batches0), relayCpu, pgCpu,
                    sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)]);
        } finally {
            pacer.shutdownNow();
            relay.stop();
        }
    }

    /** The relay's and its producer's threads: the relay thread and Kafka's producer network thread. */
    private static long relayThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals("outbox-relay")
                    || info.getThreadName().startsWith("kafka-producer-network-thread"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** The backends of this database other than the writer's: the relay pool's connections. */
    private static List<Integer> relayBackends(Connection writer) throws Exception {
        List<Integer> pids = new ArrayList<>();
        try (ResultSet rows = writer.createStatement().executeQuery("select pid from pg_stat_activity where datname = '"
                + DATABASE + "' and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    private static long cpu(List<Integer> pids) throws Exception {
        long total = 0;
        for (int pid : pids) {
            total += MeasurementDatabase.cpuNanos(pid);
        }
        return total;
    }

    private static List<Integer> ints(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
