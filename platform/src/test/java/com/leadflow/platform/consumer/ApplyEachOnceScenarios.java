package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.platform.kafka.EventHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A listener's whole poll applied in one JDBC transaction: every event once, however it repeats. */
abstract class ApplyEachOnceScenarios {

    @Autowired IdempotentConsumer idempotent;
    @Autowired DatabaseClient db;
    @Autowired JdbcClient jdbc;

    protected final String consumer = "poll-" + UUID.randomUUID();
    private final String lead = UUID.randomUUID().toString();
    private long offset;

    @Test
    void anEventRepeatedWithinAPollOrInALaterOneIsAppliedOnce() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();

        var first = idempotent.applyEachOnce(consumer, List.of(record(a), record(b), record(a)), this::store);
        var second = idempotent.applyEachOnce(consumer, List.of(record(b), record(c)), this::store);
        var third = idempotent.applyEachOnce(consumer, List.of(record(c), record(a)), this::store);

        assertThat(first).extracting(IdempotentConsumer::eventId).containsExactly(a, b);
        assertThat(second).extracting(IdempotentConsumer::eventId).containsExactly(c);
        assertThat(third).isEmpty();
        assertThat(storedEvents()).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void aPollLargerThanOneStatementHoldsIsAppliedWholeAndInOrder() {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> poll.add(record(UUID.randomUUID().toString())));

        var applied = idempotent.applyEachOnce(consumer, poll, this::store);
        var again = idempotent.applyEachOnce(consumer, poll, this::store);

        assertThat(applied).containsExactlyElementsOf(poll);
        assertThat(again).isEmpty();
        assertThat(storedEvents()).hasSize(150);
    }

    @Test
    void aPollWhoseWorkFailsLeavesNoEventClaimedSoItsRetryAppliesThemAll() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> poll = List.of(record(a), record(b));

        assertThatThrownBy(() -> idempotent.applyEachOnce(consumer, poll,
                fresh -> {
                    store(fresh);
                    throw new IllegalStateException("the database went away");
                }))
                .hasMessageContaining("went away");
        assertThat(storedEvents()).isEmpty();

        assertThat(idempotent.applyEachOnce(consumer, poll, this::store)).hasSize(2);
        assertThat(storedEvents()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aPollOfOneEventDeliveredAgainIsAppliedOnce() {
        String a = UUID.randomUUID().toString();

        var first = idempotent.applyEachOnce(consumer, List.of(record(a)), this::store);
        var again = idempotent.applyEachOnce(consumer, List.of(record(a)), this::store);
        var twiceInOnePoll = idempotent.applyEachOnce(consumer, List.of(record(a), record(a)), this::store);

        assertThat(first).extracting(IdempotentConsumer::eventId).containsExactly(a);
        assertThat(again).isEmpty();
        assertThat(twiceInOnePoll).isEmpty();
        assertThat(storedEvents()).containsExactly(a);
    }

    protected ConsumerRecord<String, String> record(String eventId) {
        var record = new ConsumerRecord<String, String>("leads.status", 0, offset++, lead, "report");
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        return record;
    }

    /** The poll's work, on the consumer pool: it joins the transaction that claims the events. */
    protected void store(List<ConsumerRecord<String, String>> fresh) {
        fresh.forEach(record -> jdbc.sql("insert into applied_event (event_id, lead_id, summary) values (:e, :l, :s)")
                .param("e", IdempotentConsumer.eventId(record)).param("l", lead).param("s", consumer).update());
    }

    protected List<String> storedEvents() {
        return db.sql("select event_id from applied_event where summary = :s").bind("s", consumer)
                .map((row, meta) -> row.get("event_id", String.class)).all().collectList().block();
    }
}
