package com.leadflow.insurance.check;

import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.platform.kafka.EventRejectedException;
import java.util.UUID;

/**
 * What travels on the checks topic and its retry topics ({@link EligibilityCheckDue}): which check
 * to attempt, and which attempt the record's first delivery makes. Ids only, so no PHI is copied
 * onto more topics; the check's request is read from the database.
 */
public record CheckTicket(UUID checkId, int attempt) {

    public EligibilityCheckDue toEvent() {
        return EligibilityCheckDue.newBuilder().setCheckId(checkId.toString()).setAttempt(attempt).build();
    }

    /** Reads a ticket; anything else can never be processed and is rejected with a PHI-free reason. */
    public static CheckTicket from(Object value) {
        if (value == null) {
            throw new EventRejectedException("The check ticket is empty");
        }
        if (!(value instanceof EligibilityCheckDue due)) {
            throw new EventRejectedException("The value is not an EligibilityCheckDue event");
        }
        if (due.getAttempt() < 1) {
            throw new EventRejectedException("A check ticket needs checkId (a UUID) and attempt (1 or more)");
        }
        try {
            return new CheckTicket(UUID.fromString(due.getCheckId()), due.getAttempt());
        } catch (IllegalArgumentException notAUuid) {
            throw new EventRejectedException("A check ticket needs checkId (a UUID) and attempt (1 or more)");
        }
    }
}
