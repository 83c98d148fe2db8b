package com.leadflow.matching.seeker;

/** What matching takes from a submitted lead: the visitor's wishes, target and profile. */
public record LeadFacts(
        String leadId,
        boolean connectRequested,
        boolean contactConsent,
        MatchTarget target,
        SeekerProfile profile) {
}
