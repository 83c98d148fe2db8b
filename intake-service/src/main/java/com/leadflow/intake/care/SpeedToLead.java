package com.leadflow.intake.care;

import java.time.Duration;
import java.time.Instant;

/**
 * The speed-to-lead clock: a visitor who asked for a call-back and has not been contacted is
 * waiting until {@code dueAt} and overdue from then on. The first contact attempt stops the clock.
 */
public record SpeedToLead(State state, Instant dueAt) {

    public enum State { NOT_REQUESTED, WAITING, OVERDUE, CONTACTED }

    public static SpeedToLead of(boolean callBackRequested, Instant submittedAt, Instant firstContactedAt,
            Duration overdueAfter, Instant now) {
        if (!callBackRequested) {
            return new SpeedToLead(firstContactedAt == null ? State.NOT_REQUESTED : State.CONTACTED, null);
        }
        Instant due = submittedAt.plus(overdueAfter);
        if (firstContactedAt != null) {
            return new SpeedToLead(State.CONTACTED, due);
        }
        return new SpeedToLead(now.isBefore(due) ? State.WAITING : State.OVERDUE, due);
    }
}
