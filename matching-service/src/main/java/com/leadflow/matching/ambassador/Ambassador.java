package com.leadflow.matching.ambassador;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A past patient who consented to talk with prospective ones about the condition they had and the
 * procedure they went through. Only first name and last initial are kept: enough for a visitor
 * to be introduced, no more.
 *
 * @param languages ISO 639-1 codes, lower case
 * @param state two-letter US state, or null
 * @param timeZone IANA zone id
 * @param maxActive how many conversations the ambassador accepts at once
 * @param activeMatches conversations proposed or running now
 * @param lastMatchedAt when the ambassador was last proposed to a visitor, or null if never
 * @param consentEvidence how consent was given (a signed form on file, a recorded call), or null for
 *     ambassadors registered before the registry asked
 */
public record Ambassador(
        UUID id,
        String firstName,
        String lastInitial,
        Condition condition,
        Procedure procedure,
        int procedureYear,
        AgeBand ageBand,
        Gender gender,
        Set<String> languages,
        String state,
        String timeZone,
        ContactMode contactMode,
        int maxActive,
        int activeMatches,
        AmbassadorStatus status,
        LocalDate consentDate,
        Instant lastMatchedAt,
        String consentEvidence) {

    public Ambassador {
        languages = Set.copyOf(languages);
    }

    /** An ambassador whose consent evidence does not matter to the caller (matching never reads it). */
    public Ambassador(UUID id, String firstName, String lastInitial, Condition condition, Procedure procedure,
            int procedureYear, AgeBand ageBand, Gender gender, Set<String> languages, String state, String timeZone,
            ContactMode contactMode, int maxActive, int activeMatches, AmbassadorStatus status, LocalDate consentDate,
            Instant lastMatchedAt) {
        this(id, firstName, lastInitial, condition, procedure, procedureYear, ageBand, gender, languages, state,
                timeZone, contactMode, maxActive, activeMatches, status, consentDate, lastMatchedAt, null);
    }

    /** How a visitor and a care manager know the ambassador, e.g. "Larry L.". */
    public String displayName() {
        return firstName + " " + lastInitial + ".";
    }

    /** The ambassador once one more conversation was proposed to them at {@code now}, as the slot's update leaves the row. */
    public Ambassador withSlotTaken(Instant now) {
        return new Ambassador(id, firstName, lastInitial, condition, procedure, procedureYear, ageBand, gender, languages,
                state, timeZone, contactMode, maxActive, activeMatches + 1, status, consentDate, now, consentEvidence);
    }

    public boolean hasFreeCapacity() {
        return activeMatches < maxActive;
    }

    /** Takes a new conversation now: active and not at capacity. */
    public boolean canTakeNewConversation() {
        return status == AmbassadorStatus.ACTIVE && hasFreeCapacity();
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }
}
