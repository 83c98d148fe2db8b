package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.test.LeadflowIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The scenarios on PostgreSQL, and what only PostgreSQL's one-statement claim is asked to do. */
@LeadflowIntegrationTest
class ApplyEachOnceTest extends ApplyEachOnceScenarios {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Two instances given overlapping polls at the same moment (a rebalance hands a partition over while
     * its old owner still applies): the second waits for the first's claim of the event both hold, finds it
     * applied once the first commits, and applies only its own.
     */
    @Test
    void twoInstancesClaimingTheSameEventAtOnceApplyItOnce() throws Exception {
        String a = UUID.randomUUID().toString();
        String both = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> firstPoll = List.of(record(a), record(both));
        List<ConsumerRecord<String, String>> secondPoll = List.of(record(both), record(c));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<List<ConsumerRecord<String, String>>> first = instances.submit(() -> idempotent.applyEachOnce(
                    consumer, firstPoll, fresh -> {
                        store(fresh);
                        firstClaimed.countDown();
                        awaitQuietly(firstMayCommit);
                    }));
            assertThat(firstClaimed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first claimed its poll").isTrue();
            Future<List<ConsumerRecord<String, String>>> second = instances.submit(
                    () -> idempotent.applyEachOnce(consumer, secondPoll, this::store));
            Awaitility.await().atMost(WAIT).until(this::aClaimWaitsForALock);

            firstMayCommit.countDown();

            assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).extracting(IdempotentConsumer::eventId)
                    .containsExactly(a, both);
            assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).extracting(IdempotentConsumer::eventId)
                    .containsExactly(c);
            assertThat(storedEvents()).containsExactlyInAnyOrder(a, both, c);
        } finally {
            firstMayCommit.countDown();
            instances.shutdownNow();
        }
    }

    private boolean aClaimWaitsForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like 'insert into processed_event%'").query(Long.class).single() > 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
