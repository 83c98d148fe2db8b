package com.leadflow.matching.scoring;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.ambassador.ContactMode;
import com.leadflow.matching.ambassador.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Ambassadors for unit tests: a plain one, varied one property at a time. */
public final class AmbassadorFixtures {

    private AmbassadorFixtures() {
    }

    public static Ambassador ambassador(String name, Condition condition, Procedure procedure) {
        return new Ambassador(UUID.nameUUIDFromBytes(name.getBytes()), name, "X", condition, procedure, 2020,
                AgeBand.AGE_50_59, Gender.MALE, Set.of("en"), "TX", "America/Chicago", ContactMode.PHONE, 2, 0,
                AmbassadorStatus.ACTIVE, LocalDate.of(2021, 1, 1), null);
    }

    public static Ambassador withAge(Ambassador a, AgeBand band) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                band, a.gender(), a.languages(), a.state(), a.timeZone(), a.contactMode(), a.maxActive(),
                a.activeMatches(), a.status(), a.consentDate(), a.lastMatchedAt());
    }

    public static Ambassador withLanguages(Ambassador a, String... languages) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                a.ageBand(), a.gender(), Set.of(languages), a.state(), a.timeZone(), a.contactMode(), a.maxActive(),
                a.activeMatches(), a.status(), a.consentDate(), a.lastMatchedAt());
    }

    public static Ambassador withGender(Ambassador a, Gender gender) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                a.ageBand(), gender, a.languages(), a.state(), a.timeZone(), a.contactMode(), a.maxActive(),
                a.activeMatches(), a.status(), a.consentDate(), a.lastMatchedAt());
    }

    public static Ambassador withRegion(Ambassador a, String state, String timeZone) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                a.ageBand(), a.gender(), a.languages(), state, timeZone, a.contactMode(), a.maxActive(),
                a.activeMatches(), a.status(), a.consentDate(), a.lastMatchedAt());
    }

    public static Ambassador withLoad(Ambassador a, int active, int max) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                a.ageBand(), a.gender(), a.languages(), a.state(), a.timeZone(), a.contactMode(), max, active,
                a.status(), a.consentDate(), a.lastMatchedAt());
    }

    public static Ambassador withStatus(Ambassador a, AmbassadorStatus status) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                a.ageBand(), a.gender(), a.languages(), a.state(), a.timeZone(), a.contactMode(), a.maxActive(),
                a.activeMatches(), status, a.consentDate(), a.lastMatchedAt());
    }

    public static Ambassador lastMatched(Ambassador a, Instant when) {
        return new Ambassador(a.id(), a.firstName(), a.lastInitial(), a.condition(), a.procedure(), a.procedureYear(),
                a.ageBand(), a.gender(), a.languages(), a.state(), a.timeZone(), a.contactMode(), a.maxActive(),
                a.activeMatches(), a.status(), a.consentDate(), when);
    }
}
