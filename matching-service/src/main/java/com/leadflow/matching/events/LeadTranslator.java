package com.leadflow.matching.events;

import com.leadflow.events.ConnectPreferences;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.matching.seeker.LeadFacts;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes from a submitted lead only what matching needs. The date of birth becomes an age band and
 * the ZIP code its three-digit prefix; names and contact details are not read at all.
 */
public final class LeadTranslator {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{3}.*");

    private LeadTranslator() {
    }

    /** @throws EventRejectedException when the lead can never be matched as it is (reason free of PHI) */
    public static LeadFacts facts(LeadSubmitted lead, LocalDate today) {
        if (lead.getLeadId() == null || lead.getLeadId().isBlank()) {
            throw new EventRejectedException("leadId is blank");
        }
        boolean requested = lead.getRequestedServices().contains(ServiceType.CONNECT_WITH_PAST_PATIENT);
        boolean consent = lead.getConsent() != null && lead.getConsent().getContactConsentGiven();
        MatchTarget target = new MatchTarget(lead.getClinical().getCondition(), lead.getClinical().getProcedureOfInterest());
        SeekerProfile profile = new SeekerProfile(ageBand(lead.getDateOfBirth(), today), language(lead.getPreferredLanguage()),
                state(lead.getLocation().getState()), zipPrefix(lead.getLocation().getZipCode()),
                timeZone(lead.getLocation().getTimeZone()), genderPreference(lead.getConnectPreferences()));
        return new LeadFacts(lead.getLeadId(), requested, consent, target, profile);
    }

    private static AgeBand ageBand(LocalDate dateOfBirth, LocalDate today) {
        return dateOfBirth == null || dateOfBirth.isAfter(today) ? null : AgeBand.of(dateOfBirth, today);
    }

    /** "es-MX" → "es"; a missing language is English; anything else is a broken lead. */
    static String language(String preferred) {
        if (preferred == null || preferred.isBlank()) {
            return SeekerProfile.ENGLISH;
        }
        String primary = preferred.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!LANGUAGE.matcher(primary).matches()) {
            throw new EventRejectedException("preferredLanguage is not an ISO 639-1 code");
        }
        return primary;
    }

    private static String state(String state) {
        String upper = state == null ? null : state.trim().toUpperCase(Locale.ROOT);
        return upper != null && STATE.matcher(upper).matches() ? upper : null;
    }

    private static String zipPrefix(String zip) {
        return zip != null && ZIP.matcher(zip.trim()).matches() ? zip.trim().substring(0, 3) : null;
    }

    private static String timeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.trim()).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static GenderPreference genderPreference(ConnectPreferences preferences) {
        return preferences == null ? GenderPreference.NO_PREFERENCE : preferences.getAmbassadorGender();
    }
}
