package com.leadflow.matching.ambassador;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An ambassador as the API shows it. */
public record AmbassadorView(
        UUID id,
        String displayName,
        String firstName,
        String lastInitial,
        String condition,
        String procedure,
        int procedureYear,
        String ageBand,
        String gender,
        List<String> languages,
        String state,
        String timeZone,
        String contactMode,
        int maxActive,
        int activeMatches,
        String status,
        LocalDate consentDate,
        String consentEvidence,
        Instant lastMatchedAt) {

    public static AmbassadorView of(Ambassador a) {
        return new AmbassadorView(a.id(), a.displayName(), a.firstName(), a.lastInitial(), a.condition().name(),
                a.procedure().name(), a.procedureYear(), a.ageBand().name(), a.gender().name(),
                a.languages().stream().sorted().toList(), a.state(), a.timeZone(), a.contactMode().name(),
                a.maxActive(), a.activeMatches(), a.status().name(), a.consentDate(), a.consentEvidence(), a.lastMatchedAt());
    }
}
