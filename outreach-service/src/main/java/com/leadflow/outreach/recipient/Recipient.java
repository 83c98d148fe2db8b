package com.leadflow.outreach.recipient;

import com.leadflow.events.Condition;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.Procedure;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Whom a lead's messages go to and what the visitor agreed to. Holds PHI: never log its fields.
 *
 * @param condition and {@code procedure}: only to choose the info kit's content; never in a message
 */
public record Recipient(UUID leadId, String firstName, String email, String phone, String zipCode, String timeZone,
        String language, ContactChannel preferredChannel, ContactTime preferredTime, boolean contactConsent,
        String disclosureVersion, String disclosureSha256, Condition condition, Procedure procedure,
        Instant submittedAt) {

    /** Spanish for a Spanish speaker, English for everyone else: the languages the practice writes in. */
    public Locale locale() {
        return "es".equalsIgnoreCase(language) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }
}
