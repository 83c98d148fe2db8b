package com.leadflow.intake.submit;

import java.util.UUID;

/**
 * The answer to a submission: the lead's id and the private token of its status link.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key created the lead
 * @param possibleDuplicateOf the recent lead with the same email or phone a new lead was linked to; null when
 *     none was, or when the answer was replayed
 */
public record SubmittedLead(UUID leadId, String statusToken, boolean replayed, UUID possibleDuplicateOf) {

    public SubmittedLead(UUID leadId, String statusToken, boolean replayed) {
        this(leadId, statusToken, replayed, null);
    }
}
