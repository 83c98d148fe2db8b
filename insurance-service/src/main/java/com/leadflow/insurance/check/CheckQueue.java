package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import reactor.core.publisher.Mono;

/**
 * Queues checks for their next attempt on {@code insurance.checks} (keyed by lead id), through the
 * outbox like every other event: the ticket is written in the transaction that opened (or re-armed)
 * the check, so a check in progress always has its ticket on the way, crash or not.
 */
public class CheckQueue {

    public static final String TOPIC = Topics.INSURANCE_CHECKS.name();

    private final Outbox outbox;

    public CheckQueue(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues a check in progress for its next attempt, in the caller's transaction; nothing for an ended one. */
    public Mono<Void> enqueue(EligibilityCheck check) {
        if (check == null || check.state() != CheckState.IN_PROGRESS) {
            return Mono.empty();
        }
        CheckTicket ticket = new CheckTicket(check.id(), check.attempts() + 1);
        return outbox.record(Topics.INSURANCE_CHECKS, check.leadId(), ticket.toEvent()).then();
    }
}
