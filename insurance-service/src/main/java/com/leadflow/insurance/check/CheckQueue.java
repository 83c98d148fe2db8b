package com.leadflow.insurance.check;

import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Queues checks for their next attempt on {@code insurance.checks} (keyed by lead id), through the
 * outbox like every other event: the ticket is written in the transaction that opened (or re-armed)
 * the check, so a check in progress always has its ticket on the way, crash or not. Both forms of
 * transaction: an R2DBC one ({@link #enqueue}: HTTP re-checks, the sweep) and the JDBC one of a
 * poll ({@link #add}).
 */
public class CheckQueue {

    public static final String TOPIC = Topics.INSURANCE_CHECKS.name();

    private final Outbox outbox;

    public CheckQueue(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues a check in progress for its next attempt, in the caller's R2DBC transaction; nothing for an ended one. */
    public Mono<Void> enqueue(EligibilityCheck check) {
        return ticket(check).map(ticket -> outbox.record(Topics.INSURANCE_CHECKS, check.leadId(), ticket).then())
                .orElse(Mono.empty());
    }

    /**
     * Queues a check in progress for its next attempt, in this thread's JDBC transaction, carrying
     * the correlation and trace of the event that opened it; nothing for an ended one.
     */
    public void add(Event<?> cause, EligibilityCheck check) {
        ticket(check).ifPresent(ticket -> outbox.add(cause, Topics.INSURANCE_CHECKS, check.leadId(), ticket));
    }

    private static Optional<EligibilityCheckDue> ticket(EligibilityCheck check) {
        if (check == null || check.state() != CheckState.IN_PROGRESS) {
            return Optional.empty();
        }
        return Optional.of(new CheckTicket(check.id(), check.attempts() + 1).toEvent());
    }
}
