package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.Subscriber;

/**
 * What a new check asks, before it is stored: from a submitted lead, or from a care manager's
 * re-check. Holds PHI; {@link #toString()} leaves it out.
 *
 * @param payerId the directory id when known; otherwise {@code payerName} is matched against the directory
 */
public record CheckDraft(String leadId, String requestedBy, String payerId, String payerName, String memberId,
        String groupNumber, String subscriberRelationship, Subscriber subscriber) {

    @Override
    public String toString() {
        return "CheckDraft[lead=" + leadId + ", payer=" + payerId + "]";
    }
}
