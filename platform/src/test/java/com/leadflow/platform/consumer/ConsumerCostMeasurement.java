package com.leadflow.platform.consumer;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.PlatformTestApplication;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.tracing.Tracing;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowTestEnvironment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The consumer side's CPU per record, by hand (not a test: it asserts nothing and takes minutes). One JVM holds
 * spring-kafka-test's embedded KRaft broker (with the local stack's group settings), the platform test app
 * ({@link PlatformTestApplication}: its {@code leads.status} {@link PollHandler} on the real container factory
 * through {@link PollListeners} and {@link PollConsumer}, Apicurio's serdes against the real registry process,
 * the claim and a row per event in one JDBC transaction on the local PostgreSQL) and a producer sending
 * {@code LeadStatusChanged} records with the platform's headers in small batches at each rate.
 *
 * <p>Per rate it reports the CPU time of each thread group (ThreadMXBean, threads grouped by name) per record
 * consumed: the listener thread (poll, deserializing, the poll's transaction, the offsets), the KIP-848
 * consumer's background thread or the classic consumer's heartbeat thread, the broker's threads (in this JVM:
 * everything not named otherwise), and the producer (the harness's main thread and the producer's network
 * thread, not the consumer's cost). Each variant is a fresh context (its own consumer group and schema) with
 * the properties it names, over the platform's defaults (the classic protocol since the ninth session: a variant
 * that names no protocol runs on it; {@code consumer} is KIP-848); variants alternate over {@code -Drounds} so the machine's other load falls on all.
 *
 * <p>Run (the classpath from {@code ./mvnw -pl platform -am test-compile dependency:build-classpath
 * -Dmdep.includeScope=test}): {@code java -cp platform/target/test-classes:platform/target/classes:<cp>
 * -Dvariants=consumer,classic -Drates=50,150,300 -Dseconds=20 com.leadflow.platform.consumer.ConsumerCostMeasurement}
 */
public final class ConsumerCostMeasurement {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

    private static final String PROTOCOL = "spring.kafka.consumer.properties[group.protocol]";

    static {
        VARIANTS.put("consumer", Map.of("spring.kafka.consumer.properties[group.protocol]", "consumer"));
        VARIANTS.put("classic", Map.of(
                "spring.kafka.consumer.properties[group.protocol]", "classic",
                "spring.kafka.consumer.properties[session.timeout.ms]", "6000",
                "spring.kafka.consumer.properties[heartbeat.interval.ms]", "2000",
                "spring.kafka.consumer.properties[partition.assignment.strategy]",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"));
        VARIANTS.put("linger5", Map.of("leadflow.consumer.linger", "5ms"));
        VARIANTS.put("linger10", Map.of("leadflow.consumer.linger", "10ms"));
        VARIANTS.put("classic-linger5", Map.of(
                "spring.kafka.consumer.properties[group.protocol]", "classic",
                "spring.kafka.consumer.properties[session.timeout.ms]", "6000",
                "spring.kafka.consumer.properties[heartbeat.interval.ms]", "2000",
                "spring.kafka.consumer.properties[partition.assignment.strategy]",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
                "leadflow.consumer.linger", "5ms"));
        VARIANTS.put("classic-minbytes", Map.of(
                "spring.kafka.consumer.properties[group.protocol]", "classic",
                "spring.kafka.consumer.properties[session.timeout.ms]", "6000",
                "spring.kafka.consumer.properties[heartbeat.interval.ms]", "2000",
                "spring.kafka.consumer.properties[partition.assignment.strategy]",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
                "spring.kafka.consumer.fetch-min-size", "2000",
                "spring.kafka.consumer.fetch-max-wait", "10ms"));
        VARIANTS.put("classic-linger10", Map.of(
                "spring.kafka.consumer.properties[group.protocol]", "classic",
                "spring.kafka.consumer.properties[session.timeout.ms]", "6000",
                "spring.kafka.consumer.properties[heartbeat.interval.ms]", "2000",
                "spring.kafka.consumer.properties[partition.assignment.strategy]",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
                "leadflow.consumer.linger", "10ms"));
        VARIANTS.put("wait500ms", Map.of("spring.kafka.consumer.fetch-max-wait", "500ms"));
        VARIANTS.put("minbytes", Map.of("spring.kafka.consumer.fetch-min-size", "2000",
                "spring.kafka.consumer.fetch-max-wait", "10ms"));
    }

    private ConsumerCostMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        List<String> variants = List.of(System.getProperty("variants", "consumer,classic").split(","));
        List<Integer> rates = new ArrayList<>();
        for (String rate : System.getProperty("rates", "50,150,300").split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        int seconds = Integer.getInteger("seconds", 20);
        int warmup = Integer.getInteger("warmup", 15);
        int batch = Integer.getInteger("batch", 2);
        int rounds = Integer.getInteger("rounds", 1);
        THREADS.setThreadCpuTimeEnabled(true);
        if (Boolean.getBoolean("micro")) {
            perRecordWork();
        }
        var broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "group.consumer.session.timeout.ms", "6000", "group.consumer.min.session.timeout.ms", "6000",
                "group.consumer.heartbeat.interval.ms", "2000", "group.consumer.min.heartbeat.interval.ms", "2000"));
        broker.afterPropertiesSet();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        try {
            int run = 0;
            for (int round = 0; round < rounds; round++) {
                for (String variant : variants) {
                    Map<String, String> props = VARIANTS.get(variant);
                    if (props == null) {
                        throw new IllegalArgumentException("unknown variant " + variant + "; known: " + VARIANTS.keySet());
                    }
                    run++;
                    try (var context = start(broker.getBrokersAsString(), "cost-" + run, props)) {
                        var template = producer(context);
                        Counter applied = applied(context.getBean(MeterRegistry.class));
                        // the JIT and the connection pools warmed, the partitions assigned
                        send(template, rates.get(0), warmup, batch, applied, Duration.ofSeconds(5));
                        var polls = context.getBean(MeterRegistry.class).get("leadflow.consumer.poll").timer();
                        for (int rate : rates) {
                            Map<String, Long> before = cpuByGroup();
                            long pollsBefore = polls.count();
                            long wall = System.nanoTime();
                            int records = send(template, rate, seconds, batch, applied, Duration.ofSeconds(60));
                            Map<String, Long> after = cpuByGroup();
                            double wallSeconds = (System.nanoTime() - wall) / 1e9;
                            double perPoll = (double) records / Math.max(1, polls.count() - pollsBefore);
                            String line = line(variant, rate, records, wallSeconds, perPoll, before, after);
                            System.out.println(line);
                            lines.computeIfAbsent(variant + "|" + rate, k -> new ArrayList<>()).add(line);
                        }
                    }
                }
            }
        } finally {
            broker.destroy();
        }
        System.out.println();
        System.out.println("=== all rounds (µs of CPU per record consumed) ===");
        lines.values().forEach(all -> all.forEach(System.out::println));
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String brokers, String name, Map<String, String> variant) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.application.name", name);
        props.put("spring.kafka.bootstrap-servers", brokers);
        props.put("server.port", "0");
        // the group starts at the end of the topic: earlier variants' records are not this one's
        props.put("spring.kafka.consumer.auto-offset-reset", "latest");
        // no identity provider process: nobody signs in here
        props.put("leadflow.security.issuer-uri", "http://127.0.0.1:9/unused");
        props.put("leadflow.security.client-secret", "unused");
        props.put("logging.level.root", "WARN");
        props.putAll(variant);
        // as arguments: above the platform's defaults (a builder's properties would be below them)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(new LeadflowTestEnvironment(), context -> {
                    if ("consumer".equals(variant.get(PROTOCOL))) {
                        withoutClassicSettings(context.getEnvironment());
                    }
                })
                .run(args);
    }

    /**
     * The platform's defaults set the classic protocol's session, heartbeat and assignor, which a KIP-848
     * consumer refuses to start with; the "consumer" variant reads the defaults without them.
     */
    private static void withoutClassicSettings(ConfigurableEnvironment environment) {
        List<String> classicOnly = List.of("spring.kafka.consumer.properties[session.timeout.ms]",
                "spring.kafka.consumer.properties[heartbeat.interval.ms]",
                "spring.kafka.consumer.properties[partition.assignment.strategy]");
        for (PropertySource<?> source : List.copyOf(environment.getPropertySources().stream().toList())) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && classicOnly.stream().anyMatch(enumerable::containsProperty)) {
                Map<String, Object> kept = new LinkedHashMap<>();
                for (String name : enumerable.getPropertyNames()) {
                    if (!classicOnly.contains(name)) {
                        kept.put(name, enumerable.getProperty(name));
                    }
                }
                environment.getPropertySources().replace(source.getName(), new MapPropertySource(source.getName(), kept));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, Object> producer(ConfigurableApplicationContext context) {
        return context.getBean(KafkaTemplate.class);
    }

    private static Counter applied(MeterRegistry meters) {
        return meters.find("leadflow.consumer.events").tag("outcome", "applied").counter();
    }

    /**
     * Sends {@code rate} records a second for {@code seconds}, {@code batch} records (one lead's) at a time, then
     * waits until the listener applied them all. Returns the records sent.
     */
    private static int send(KafkaTemplate<String, Object> template, int rate, int seconds, int batch, Counter applied,
            Duration patience) {
        double start = applied.count();
        long interval = (long) (1e9 * batch / rate);
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        int sent = 0;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String lead = "lead-" + UUID.randomUUID();
            for (int i = 0; i < batch; i++) {
                var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), lead,
                        status(lead, "step " + i));
                EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
                EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, Correlation.newId());
                template.send(record);
                sent++;
            }
            next += interval;
        }
        template.flush();
        long deadline = System.nanoTime() + patience.toNanos();
        // until the listener applied what was sent (a consumer that starts at the end may miss the first few)
        while (applied.count() - start < sent * 0.999 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        if (applied.count() - start < sent * 0.999) {
            System.out.println("WARN: applied " + (long) (applied.count() - start) + " of " + sent);
        }
        return sent;
    }

    private static LeadStatusChanged status(String leadId, String summary) {
        return LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(Instant.now())
                .setReporter(com.leadflow.events.Reporter.REVIEW).setStage(com.leadflow.events.Stage.REVIEW)
                .setStatus(com.leadflow.events.LeadStatus.REVIEW_QUEUED).setSummary(summary).build();
    }

    /** The JVM's thread CPU by group, nanoseconds. */
    private static Map<String, Long> cpuByGroup() {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(group(info.getThreadName()) + "#" + info.getThreadId(), cpu, Long::sum);
            }
        }
        return groups;
    }

    static String group(String thread) {
        if (thread.contains(".leads.status-") && thread.contains("-C-")) {
            return "listener";
        }
        if (thread.startsWith("consumer_background_thread")) {
            return "consumer-bg";
        }
        if (thread.startsWith("kafka-coordinator-heartbeat-thread")) {
            return "heartbeat";
        }
        if (thread.equals("main") || thread.startsWith("kafka-producer-network-thread")) {
            return "producer";
        }
        if (thread.startsWith("outbox-relay") || thread.startsWith("table-maintenance") || thread.startsWith("Hikari")
                || thread.startsWith("reactor-") || thread.startsWith("r2dbc") || thread.startsWith("vert.x")
                || thread.startsWith("kafka-admin-client-thread")) {
            return "app-other";
        }
        return "broker";
    }

    private static String line(String variant, int rate, int records, double wallSeconds, double perPoll,
            Map<String, Long> before,
            Map<String, Long> after) {
        Map<String, Double> perGroup = new LinkedHashMap<>();
        for (String g : List.of("listener", "consumer-bg", "heartbeat", "app-other", "broker", "producer")) {
            perGroup.put(g, 0.0);
        }
        after.forEach((key, cpu) -> {
            String g = key.substring(0, key.indexOf('#'));
            long delta = cpu - before.getOrDefault(key, 0L);
            perGroup.merge(g, delta / 1e3 / records, Double::sum);
        });
        double consumerSide = perGroup.get("listener") + perGroup.get("consumer-bg") + perGroup.get("heartbeat");
        var text = new StringBuilder(String.format(Locale.ROOT, "%-16s %4d/s %6d records %5.1f s %4.2f a poll | consumer side %6.0f µs/record",
                variant, rate, records, wallSeconds, perPoll, consumerSide));
        perGroup.forEach((g, micros) -> text.append(String.format(Locale.ROOT, " | %s %.0f", g, micros)));
        return text.toString();
    }

    /**
     * The per-record work {@link PollConsumer} does besides the transaction, alone on this thread: the span
     * (tracing off, as the services run it: a non-recording span with ids), the correlation id from its header,
     * the counters.
     */
    private static void perRecordWork() {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Counter counter = Counter.builder("x").tags("topic", "t", "group", "g", "consumer", "c", "outcome", "applied")
                .register(meters);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            var record = new ConsumerRecord<String, Object>("leads.status", 0, i, "lead-" + i, "v");
            EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
            EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, Correlation.newId());
            record.headers().add("traceparent",
                    ("00-" + UUID.randomUUID().toString().replace("-", "") + "-0123456789abcdef-01")
                            .getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        Tracing tracing = Tracing.off();
        for (int round = 0; round < 6; round++) {
            long spanCpu = 0;
            long headerCpu = 0;
            long counterCpu = 0;
            int n = 0;
            for (int rep = 0; rep < 200; rep++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (var record : records) {
                    Span span = tracing.consuming(record, "c", "g");
                    span.end();
                }
                long t1 = THREADS.getCurrentThreadCpuTime();
                for (var record : records) {
                    Correlation.acceptOrCreate(EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID).orElse(null));
                    IdempotentConsumer.eventId(record);
                }
                long t2 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < records.size(); i++) {
                    counter.increment();
                }
                long t3 = THREADS.getCurrentThreadCpuTime();
                spanCpu += t1 - t0;
                headerCpu += t2 - t1;
                counterCpu += t3 - t2;
                n += records.size();
            }
            System.out.printf(Locale.ROOT, "per record (round %d): span %.2f µs, headers %.2f µs, counter %.3f µs%n",
                    round, spanCpu / 1e3 / n, headerCpu / 1e3 / n, counterCpu / 1e3 / n);
        }
        System.out.println("at " + Instant.now());
    }
}
