package com.leadflow.intake.care;

import java.time.Duration;
import java.time.Instant;

/**
 * The speed-to-lead clock. Every new lead starts one: the practice means to reach each visitor
 * within {@code overdueAfter} of their submission, whatever they asked for. Only reaching the
 * visitor stops it; an unanswered call, a message left or an email sent are attempts, counted, and
 * the clock keeps running.
 */
public record SpeedToLead(State state, Instant dueAt, Instant reachedAt, int attempts, Instant lastAttemptAt) {

    public enum State { WAITING, OVERDUE, REACHED }

    public static SpeedToLead of(Instant submittedAt, Instant reachedAt, int attempts, Instant lastAttemptAt,
            Duration overdueAfter, Instant now) {
        Instant due = submittedAt.plus(overdueAfter);
        State state = reachedAt != null ? State.REACHED : now.isBefore(due) ? State.WAITING : State.OVERDUE;
        return new SpeedToLead(state, due, reachedAt, attempts, lastAttemptAt);
    }
}
