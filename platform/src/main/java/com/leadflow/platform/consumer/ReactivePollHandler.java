package com.leadflow.platform.consumer;

import com.leadflow.schemas.Topic;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The reactive form of {@link PollHandler}, for the services not yet moved to JDBC: the poll's
 * transaction is an R2DBC one and the handler returns its work as a {@link Mono}. Being retired:
 * new handlers implement {@link PollHandler}.
 *
 * <p>What a service writes to consume a topic; the platform does the rest. Declare it as a bean and
 * the platform starts a listener for it ({@link PollListeners}): the topic from the catalog, the
 * service's consumer group, a whole poll applied per transaction, each event once, in order.
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
 * class LeadSubmittedHandler implements ReactivePollHandler<LeadSubmitted> {
 *     public Topic<String, LeadSubmitted> topic() { return Topics.LEADS_SUBMITTED; }
 *     public Mono<?> apply(List<Event<LeadSubmitted>> events) {
 *         return Event.eachReactive(events, event -> admissions.leadSubmitted(event.value()));
 *     }
 * }
 * }</pre>
 */
public interface ReactivePollHandler<V> {

    /** The catalog topic this handler consumes. */
    Topic<String, V> topic();

    /**
     * Applies the poll's events that were not applied before, in their order, inside the poll's one
     * database transaction (which also claims their event ids). Write many rows per statement
     * where the service can; {@link Event#eachReactive} applies them one after another.
     */
    Mono<?> apply(List<Event<V>> events);

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
    static <V> ReactivePollHandler<V> each(Topic<String, V> topic, Function<Event<V>, Mono<?>> work) {
        return new ReactivePollHandler<>() {
            @Override
            public Topic<String, V> topic() {
                return topic;
            }

            @Override
            public Mono<?> apply(List<Event<V>> events) {
                return Event.eachReactive(events, work);
            }
        };
    }
}
