package com.leadflow.intake.submit;

import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.RequestOrigin;
import com.leadflow.intake.lead.ValidLead;
import java.time.Instant;
import java.util.UUID;

/** A lead about to be stored, with its evidence and the hashes its contact details are matched by. */
record NewLead(UUID id, String statusToken, Instant submittedAt, ValidLead lead, String detailsJson,
        Disclosure disclosure, RequestOrigin origin, String emailSha256, String phoneSha256) {
}
