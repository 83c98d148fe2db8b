package com.leadflow.intake.lead;

import java.util.List;

/**
 * A web form submission as the visitor sent it: text everywhere a visitor can type or pick, so
 * that {@link LeadValidator} can name every field that breaks a rule instead of the JSON parser
 * failing on the first. Carries PHI: never log it.
 */
public record LeadRequest(
        List<String> requestedServices,
        Contact contact,
        String dateOfBirth,
        String zipCode,
        String preferredLanguage,
        Clinical clinical,
        Insurance insurance,
        Consent consent,
        Attribution attribution,
        ConnectPreferences connectPreferences,
        List<String> imagingIds) {

    public record Contact(String firstName, String lastName, String email, String phone, String preferredChannel,
            String preferredTime) {
    }

    public record Clinical(String condition, List<String> symptoms, List<String> redFlags, Integer painLevel,
            String painDuration, List<String> treatmentsTried, String procedureOfInterest, String description) {
    }

    public record Insurance(String payerId, String payerName, String memberId, String groupNumber,
            String subscriberRelationship, String subscriberFirstName, String subscriberLastName,
            String subscriberDateOfBirth) {
    }

    /** What the visitor agreed to; the server adds the text's hash, the time, IP and user agent. */
    public record Consent(Boolean contactConsentGiven, String disclosureVersion, String pageUrl) {
    }

    public record Attribution(String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
            String referrer, String landingPage, String firstTouchAt) {
    }

    public record ConnectPreferences(String ambassadorGender) {
    }
}
