package com.leadflow.matching.seeker;

import com.leadflow.events.GenderPreference;
import com.leadflow.matching.ambassador.AgeBand;

/**
 * What matching needs to know about a visitor besides the target, and nothing more: an age band
 * instead of a birth date, a ZIP prefix instead of an address.
 *
 * @param ageBand the visitor's age band, or null when unknown
 * @param language ISO 639-1 code, lower case; "en" when the visitor did not say
 * @param state two-letter US state, or null
 * @param zipPrefix the first three digits of the ZIP code, or null
 * @param timeZone IANA zone id, or null
 */
public record SeekerProfile(
        AgeBand ageBand,
        String language,
        String state,
        String zipPrefix,
        String timeZone,
        GenderPreference genderPreference) {

    public static final String ENGLISH = "en";

    public SeekerProfile {
        language = language == null || language.isBlank() ? ENGLISH : language.trim().toLowerCase(java.util.Locale.ROOT);
        genderPreference = genderPreference == null ? GenderPreference.NO_PREFERENCE : genderPreference;
    }

    /** Whether the visitor asked for another language than English, which a proposed match then names. */
    public boolean asksForAnotherLanguageThanEnglish() {
        return !ENGLISH.equals(language);
    }
}
