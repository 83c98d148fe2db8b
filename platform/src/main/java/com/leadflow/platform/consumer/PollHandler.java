package com.leadflow.platform.consumer;

import com.leadflow.schemas.Topic;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a service writes to consume a topic; the platform does the rest. Declare it as a bean and
 * the platform starts a listener for it ({@link PollListeners}): the topic from the catalog, the
 * service's consumer group, a whole poll applied per transaction, each event once, in order.
 *
 * <p>The poll's transaction is a JDBC one on the listener's thread (the platform's
 * {@link com.leadflow.platform.db.ConsumerDatabase}): the handler writes with the platform's
 * {@code JdbcClient} bean, whose statements join it, and records the events it causes with
 * {@link com.leadflow.platform.outbox.Outbox#add}. A listener thread blocks on its database work
 * anyway, and on JDBC a poll costs a fraction of the CPU R2DBC takes for the same statements (the
 * README's "R2DBC against JDBC").
 *
 * <p>Throw {@link com.leadflow.platform.kafka.EventRejectedException} (from {@link #wants} or
 * {@link #apply}) for an event that can never apply: it goes to the dead-letter topic alone, with
 * the exception's PHI-free message as the reason, and the rest of its poll commits. Any other
 * failure is retried with backoff, and dead-lettered only once the retries are spent. Records that
 * cannot be read, that have no value (tombstones) or whose value is of another type never reach
 * the handler: they are dead-lettered at once.
 *
 * <pre>{@code
 * @Component
 * class LeadSubmittedHandler implements PollHandler<LeadSubmitted> {
 *     public Topic<String, LeadSubmitted> topic() { return Topics.LEADS_SUBMITTED; }
 *     public void apply(List<Event<LeadSubmitted>> events) {
 *         Event.each(events, event -> admissions.leadSubmitted(event));
 *     }
 * }
 * }</pre>
 */
public interface PollHandler<V> {

    /** The catalog topic this handler consumes. */
    Topic<String, V> topic();

    /**
     * Applies the poll's events that were not applied before, in their order, inside the poll's one
     * JDBC transaction (which also claimed their event ids). Write many rows per statement where the
     * service can; {@link Event#each(List, Consumer)} applies them one after another.
     */
    void apply(List<Event<V>> events);

    /**
     * Whether this event concerns the service at all, decided before the transaction from the event
     * alone; an event it does not want is neither claimed nor applied. May reject the event.
     */
    default boolean wants(Event<V> event) {
        return true;
    }

    /** Runs after the transaction committed, with the events it applied (to announce them, say). */
    default void committed(List<Event<V>> applied) {
    }

    /** A handler that applies each event on its own, one after another, in the poll's transaction. */
    static <V> PollHandler<V> each(Topic<String, V> topic, Consumer<Event<V>> work) {
        return new PollHandler<>() {
            @Override
            public Topic<String, V> topic() {
                return topic;
            }

            @Override
            public void apply(List<Event<V>> events) {
                Event.each(events, work);
            }
        };
    }
}
