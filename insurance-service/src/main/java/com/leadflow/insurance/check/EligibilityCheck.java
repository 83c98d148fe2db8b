package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Subscriber;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored eligibility check: what was asked (PHI: member id and subscriber) and how it ended.
 * {@link #toString()} leaves the PHI out.
 *
 * @param attempts attempts counted so far; an attempt or the check's end is applied only if this is
 *     still what the attempt saw, so a redelivered attempt changes nothing
 * @param version bumped by every change
 * @param nextAttemptAt while in progress: when the next attempt is overdue (the sweep then sends the
 *     check again)
 */
public record EligibilityCheck(
        UUID id,
        String leadId,
        String requestedBy,
        String payerId,
        String payerName,
        String memberId,
        String groupNumber,
        String subscriberRelationship,
        Subscriber subscriber,
        CheckState state,
        int attempts,
        int version,
        Instant nextAttemptAt,
        Instant deadlineAt,
        Instant createdAt,
        Instant completedAt,
        Coverage coverage,
        String payerCode,
        String reason,
        boolean patientCanFix,
        int coveragesReturned) {

    /** Who asked when the check came from a submitted lead rather than a person. */
    public static final String SYSTEM = "system";

    @Override
    public String toString() {
        return "EligibilityCheck[id=" + id + ", lead=" + leadId + ", payer=" + payerId + ", state=" + state + "]";
    }
}
