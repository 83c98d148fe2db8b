package com.leadflow.matching.coordinator;

import java.time.Instant;

/**
 * A wait-listed lead on the coordinator's page: what the visitor is looking for and why they wait.
 * Matching knows no name or contact detail of a visitor; the lead id leads to the care team's view.
 *
 * @param condition the condition to match on (the review's finding when there is one), or null
 * @param procedure the procedure to match on, or null
 * @param language ISO 639-1 code the conversation needs
 */
public record WaitlistEntry(String leadId, Instant waitingSince, String condition, String procedure, String language,
        String why) {
}
