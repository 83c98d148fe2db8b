package com.leadflow.intake.submit;

import java.util.UUID;

/**
 * The answer to a submission: the lead's id and the private token of its status link.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key created the lead
 */
public record SubmittedLead(UUID leadId, String statusToken, boolean replayed) {
}
