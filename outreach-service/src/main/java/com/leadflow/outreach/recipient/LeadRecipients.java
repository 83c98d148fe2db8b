package com.leadflow.outreach.recipient;

import com.leadflow.events.LeadSubmitted;
import com.leadflow.platform.kafka.EventRejectedException;
import java.util.UUID;

/** A {@code LeadSubmitted} as the recipient of its messages: only what outreach needs of it. */
public final class LeadRecipients {

    private LeadRecipients() {
    }

    /** @throws EventRejectedException when the event can never be applied */
    public static Recipient of(LeadSubmitted lead) {
        UUID leadId;
        try {
            leadId = UUID.fromString(lead.getLeadId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventRejectedException("leadId is not a UUID");
        }
        var contact = lead.getContact();
        var clinical = lead.getClinical();
        var consent = lead.getConsent();
        return new Recipient(leadId, contact.getFirstName(), blankToNull(contact.getEmail()),
                blankToNull(contact.getPhone()), lead.getLocation().getZipCode(), lead.getLocation().getTimeZone(),
                lead.getPreferredLanguage(), contact.getPreferredChannel(), contact.getPreferredTime(),
                consent.getContactConsentGiven(), consent.getDisclosureVersion(), consent.getDisclosureSha256(),
                clinical.getCondition(), clinical.getProcedureOfInterest(), lead.getSubmittedAt());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
