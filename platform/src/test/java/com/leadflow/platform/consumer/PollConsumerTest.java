package com.leadflow.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.tracing.Tracing;
import com.leadflow.schemas.Topic;
import com.leadflow.test.LeadflowIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A service's one listener on two topics (as review's, matching's and outreach's are): a poll that
 * mixes them is applied in one transaction, each topic's events by its own handler and claimed under
 * its own consumer name, and a record that fails splits the poll at its place in the mixed order.
 */
@LeadflowIntegrationTest
class PollConsumerTest {

    private static final Topic<String, String> FIRST = new Topic<>("test.first", String.class, String.class, "test");
    private static final Topic<String, String> SECOND = new Topic<>("test.second", String.class, String.class, "test");

    @Autowired IdempotentConsumer idempotent;
    @Autowired JdbcClient jdbc;
    @Autowired Tracing tracing;

    private final String run = UUID.randomUUID().toString();
    private final Recording first = new Recording(FIRST);
    private final Recording second = new Recording(SECOND);
    private final List<String> calls = new ArrayList<>();
    private PollConsumer listener;
    private long offset;

    @BeforeEach
    void listen() {
        listener = new PollConsumer(List.of(first, second), topic -> run + "." + topic.name(), "test." + run,
                idempotent, new SimpleMeterRegistry(), tracing, PollLinger.off());
    }

    @Test
    void aPollOfTwoTopicsIsAppliedInOneTransactionEachTopicByItsHandlerFirstDeclaredFirst() {
        var poll = List.of(record(SECOND, "s1"), record(FIRST, "f1"), record(SECOND, "s2"), record(FIRST, "f2"));

        listener.onMessage(poll);

        assertThat(first.applied()).containsExactly("f1", "f2");
        assertThat(second.applied()).containsExactly("s1", "s2");
        assertThat(first.transactions).hasSize(1);
        assertThat(first.transactions).isEqualTo(second.transactions);
        assertThat(calls).containsExactly(FIRST.name(), SECOND.name());
        assertThat(first.committed).containsExactly("f1", "f2");
        assertThat(second.committed).containsExactly("s1", "s2");
        assertThat(claimed(FIRST)).containsExactlyInAnyOrder(eventId(poll.get(1)), eventId(poll.get(3)));
        assertThat(claimed(SECOND)).containsExactlyInAnyOrder(eventId(poll.get(0)), eventId(poll.get(2)));

        listener.onMessage(poll);

        assertThat(first.applied()).containsExactly("f1", "f2");
        assertThat(second.applied()).containsExactly("s1", "s2");
    }

    @Test
    void aRejectedRecordOfOneTopicEndsThePollThereWhileBothTopicsBeforeItCommit() {
        var poll = List.of(record(FIRST, "f1"), record(SECOND, "s1"), record(SECOND, "reject"), record(FIRST, "f2"));

        assertThatThrownBy(() -> listener.onMessage(poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        split -> assertThat(split.getIndex()).isEqualTo(2))
                .hasRootCauseInstanceOf(EventRejectedException.class);

        assertThat(first.applied()).containsExactly("f1");
        assertThat(second.applied()).containsExactly("s1");
        // the records after it come again in the next poll, the rejected one no longer among them
        listener.onMessage(poll.subList(3, 4));
        assertThat(first.applied()).containsExactly("f1", "f2");
    }

    @Test
    void anEventThatFailsInItsHandlerIsFoundOneByOneInThePollsOrderAndTheEventsBeforeItApply() {
        var poll = List.of(record(SECOND, "s1"), record(FIRST, "f1"), record(FIRST, "fail"), record(SECOND, "s2"));

        assertThatThrownBy(() -> listener.onMessage(poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        split -> assertThat(split.getIndex()).isEqualTo(2))
                .hasRootCauseMessage("the payer's line dropped");

        assertThat(second.applied()).containsExactly("s1");
        assertThat(first.applied()).containsExactly("f1");
        assertThat(claimed(SECOND)).containsExactly(eventId(poll.get(0)));
        assertThat(claimed(FIRST)).containsExactly(eventId(poll.get(1)));
        // retried from the failing record on: it applies this time, and nothing before it again
        first.failing = false;
        listener.onMessage(poll.subList(2, 4));
        assertThat(first.applied()).containsExactly("f1", "fail");
        assertThat(second.applied()).containsExactly("s1", "s2");
    }

    @Test
    void aRecordOfATopicTheListenerDoesNotReadIsRejectedAtItsPlace() {
        Topic<String, String> other = new Topic<>("test.other", String.class, String.class, "test");
        var poll = List.of(record(FIRST, "f1"), record(other, "x"), record(SECOND, "s1"));

        assertThatThrownBy(() -> listener.onMessage(poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        split -> assertThat(split.getIndex()).isEqualTo(1))
                .hasRootCauseMessage("The record is from test.other, which this listener does not consume");
        assertThat(first.applied()).containsExactly("f1");
        assertThat(second.applied()).isEmpty();
    }

    private ConsumerRecord<String, Object> record(Topic<String, String> topic, String value) {
        var record = new ConsumerRecord<String, Object>(topic.name(), 0, offset++, "lead-" + run, value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        return record;
    }

    private static String eventId(ConsumerRecord<String, Object> record) {
        return IdempotentConsumer.eventId(record);
    }

    private List<String> claimed(Topic<String, String> topic) {
        return jdbc.sql("select event_id from processed_event where consumer = :c")
                .param("c", run + "." + topic.name()).query(String.class).list();
    }

    /** A handler that stores what it applies (kept only if the poll's transaction commits) and notes each call. */
    private final class Recording implements PollHandler<String> {

        private final Topic<String, String> topic;
        final List<Long> transactions = new ArrayList<>();
        final List<String> committed = new ArrayList<>();
        boolean failing = true;

        Recording(Topic<String, String> topic) {
            this.topic = topic;
        }

        @Override
        public Topic<String, String> topic() {
            return topic;
        }

        @Override
        public boolean wants(Event<String> event) {
            if (event.value().equals("reject")) {
                throw new EventRejectedException("the value asks to be rejected");
            }
            return true;
        }

        @Override
        public void apply(List<Event<String>> events) {
            calls.add(topic.name());
            Long transaction = jdbc.sql("select txid_current()").query(Long.class).single();
            if (!transactions.contains(transaction)) {
                transactions.add(transaction);
            }
            for (Event<String> event : events) {
                if (failing && event.value().equals("fail")) {
                    throw new IllegalStateException("the payer's line dropped");
                }
                jdbc.sql("insert into applied_event (event_id, lead_id, summary) values (:e, :l, :s)")
                        .param("e", event.eventId()).param("l", run + topic.name()).param("s", event.value())
                        .update();
            }
        }

        /** What the listener stored for this topic, in the order it was stored. */
        List<String> applied() {
            return jdbc.sql("select summary from applied_event where lead_id = :l order by id")
                    .param("l", run + topic.name()).query(String.class).list();
        }

        @Override
        public void committed(List<Event<String>> events) {
            events.forEach(event -> committed.add(event.value()));
        }
    }
}
