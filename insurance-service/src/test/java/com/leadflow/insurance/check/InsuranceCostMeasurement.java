package com.leadflow.insurance.check;

import static com.leadflow.insurance.check.TestLeads.insurance;
import static com.leadflow.insurance.check.TestLeads.lead;
import static org.awaitility.Awaitility.await;

import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.test.LeadflowIntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * By hand, not part of the suite (its name is no test's): the client CPU the insurance service
 * spends per lead that is opened and verified in one attempt, split by thread group, for a paced
 * run (polls of one lead, as at 30 leads/s) and a burst (polls of many). The in-JVM broker, the
 * test's own threads and the registry client are listed but left out of the service's sum (the
 * Kafka producer serves both the test's submissions and the relay: counted, the same in both runs).
 * Run: {@code ./mvnw -B -ntp -o -q -pl insurance-service -am verify -Dtest=InsuranceCostMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Dleads=600} and read its output file.
 */
@LeadflowIntegrationTest
// a lead backlog must not end checks by their window or wake the stalled-check sweep: both would add work
@TestPropertySource(properties = {"leadflow.insurance.retry.window=30m", "leadflow.insurance.worker.stalled-after=30m"})
class InsuranceCostMeasurement {

    private static final int LEADS = Integer.getInteger("leads", 600);
    private static final int RATE = Integer.getInteger("rate", 30);

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    ConsumerDatabase db;

    @Test
    void cpuPerLead() throws Exception {
        run("warm-up, paced", LEADS / 2, RATE);
        run("warm-up, burst", LEADS / 2, 0);
        run("paced " + RATE + "/s", LEADS, RATE);
        run("burst", LEADS, 0);
    }

    /** Submits {@code leads} leads (at {@code rate} a second, or all at once for 0) and waits until every one is verified. */
    private void run(String name, int leads, int rate) throws Exception {
        String prefix = "cost-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<Long, Sample> before = threads();
        long start = System.nanoTime();
        if (rate == 0) {
            for (int i = 0; i < leads; i++) {
                submit(prefix + i);
            }
        } else {
            AtomicInteger sent = new AtomicInteger();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            try {
                pacer.scheduleAtFixedRate(() -> {
                    int i = sent.getAndIncrement();
                    if (i < leads) {
                        submit(prefix + i);
                    }
                }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
                await().atMost(Duration.ofSeconds(leads / rate + 60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> sent.get() >= leads);
            } finally {
                pacer.shutdownNow();
            }
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> ended(prefix, "state <> 'IN_PROGRESS'") >= leads);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Map<Long, Sample> after = threads();

        Map<String, Long> byPart = new TreeMap<>();
        after.forEach((id, sample) -> {
            Sample earlier = before.get(id);
            long cpu = sample.cpuNanos() - (earlier == null ? 0 : earlier.cpuNanos());
            byPart.merge(part(sample.name()), cpu, Long::sum);
        });
        long service = byPart.entrySet().stream().filter(part -> !part.getKey().startsWith("~"))
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder report = new StringBuilder();
        byPart.forEach((part, cpu) -> report.append(String.format("  %-48s %6d us/lead%n", part, cpu / 1000 / leads)));
        System.out.printf("COST %s: %d leads (%d verified) in %d ms; the service's threads %d us CPU per lead%n%s",
                name, leads, ended(prefix, "state = 'VERIFIED'"), wallMs, service / 1000 / leads, report);
    }

    /** Which part of the work a thread does; a part starting with ~ is not the service's. */
    static String part(String thread) {
        if (thread.startsWith("insurance.leads.submitted")) {
            return "LeadSubmitted listener";
        }
        if (thread.startsWith("insurance.insurance.checks")) {
            return "check attempt listeners (incl. retry, dlt)";
        }
        if (thread.startsWith("reactor-tcp") || thread.startsWith("parallel-") || thread.startsWith("boundedElastic")) {
            return "Reactor / R2DBC driver threads";
        }
        if (thread.equals("outbox-relay")) {
            return "outbox relay";
        }
        if (thread.startsWith("kafka-producer-network-thread") || thread.startsWith("consumer_background_thread")
                || thread.startsWith("kafka-coordinator-heartbeat-thread")) {
            return "Kafka client threads (producer also the test's)";
        }
        if (thread.startsWith("data-plane-kafka") || thread.startsWith("kafka-") || thread.startsWith("controller")
                || thread.startsWith("broker-") || thread.startsWith("ExpirationReaper") || thread.startsWith("quorum")
                || thread.startsWith("raft") || thread.startsWith("group-coordinator") || thread.startsWith("executor-")
                || thread.startsWith("share-") || thread.startsWith("persister") || thread.startsWith("client-metrics")
                || thread.startsWith("LogCleaner") || thread.startsWith("ReplicaFetcher")) {
            return "~ the in-JVM broker";
        }
        if (thread.startsWith("main") || thread.startsWith("pool-") || thread.startsWith("awaitility")
                || thread.startsWith("surefire") || thread.startsWith("vert.x")) {
            return "~ the test, the registry client";
        }
        return "other service threads";
    }

    private void submit(String leadId) {
        try {
            TestLeads.submit(kafka, lead(leadId, insurance("aetna", "Aetna", "W" + Math.abs(leadId.hashCode()))),
                    UUID.randomUUID().toString());
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private int ended(String prefix, String condition) {
        return db.inTransaction(() -> db.jdbc()
                .sql("select count(*) from eligibility_check where lead_id like :prefix and " + condition)
                .param("prefix", prefix + "%").query(Integer.class).single());
    }

    private record Sample(String name, long cpuNanos) {
    }

    private static Map<Long, Sample> threads() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<Long, Sample> samples = new HashMap<>();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null) {
                long cpu = bean.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    samples.put(info.getThreadId(), new Sample(info.getThreadName(), cpu));
                }
            }
        }
        return samples;
    }
}
