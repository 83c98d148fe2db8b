package com.leadflow.matching.ambassador;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import com.leadflow.matching.validation.Checks;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An ambassador as an admin enters them. Values arrive as text and are checked here, so a wrong
 * value is answered naming its field and rule rather than failing to parse.
 */
public record AmbassadorForm(
        String firstName,
        String lastInitial,
        String condition,
        String procedure,
        Integer procedureYear,
        String ageBand,
        String gender,
        List<String> languages,
        String state,
        String timeZone,
        String contactMode,
        Integer maxActive,
        String consentDate,
        String consentEvidence) {

    static final int MAX_CONVERSATIONS = 20;
    static final int FIRST_PROCEDURE_YEAR = 1980;
    static final int MAX_EVIDENCE = 500;
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L} '.-]*");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

    /**
     * The ambassador this form describes.
     *
     * @throws com.leadflow.platform.web.InvalidRequestException naming every field that breaks a rule
     */
    public Ambassador toAmbassador(UUID id, AmbassadorStatus status, int activeMatches, LocalDate today) {
        Checks checks = new Checks();
        String first = checks.text("firstName", firstName, 60, NAME, "must be a first name in letters");
        String initial = checks.text("lastInitial", lastInitial == null ? null : lastInitial.toUpperCase(Locale.ROOT), 1,
                INITIAL, "must be one letter: the last name's initial");
        // an ambassador talks about the condition and procedure they had: "unknown" or "unsure" cannot be shared
        Condition cond = checks.oneOf("condition", condition, Condition.class, Set.of(Condition.UNKNOWN));
        Procedure proc = checks.oneOf("procedure", procedure, Procedure.class, Set.of(Procedure.UNSURE));
        Integer year = checks.range("procedureYear", procedureYear, FIRST_PROCEDURE_YEAR, today.getYear());
        AgeBand band = checks.oneOf("ageBand", ageBand, AgeBand.class, Set.of());
        Gender gen = checks.oneOf("gender", gender, Gender.class, Set.of());
        Set<String> langs = languages(checks);
        String st = state == null || state.isBlank() ? null
                : checks.text("state", state.toUpperCase(Locale.ROOT), 2, STATE, "must be a two-letter US state");
        String zone = checks.timeZone("timeZone", timeZone);
        ContactMode mode = checks.oneOf("contactMode", contactMode, ContactMode.class, Set.of());
        Integer max = checks.range("maxActive", maxActive, 1, MAX_CONVERSATIONS);
        LocalDate consent = checks.pastDate("consentDate", consentDate, today);
        // no consent on record, no ambassador: the coordinator must be able to show how it was given
        String evidence = checks.text("consentEvidence", consentEvidence, MAX_EVIDENCE, null, null);
        checks.throwIfAny();
        return new Ambassador(id, first, initial, cond, proc, year, band, gen, langs, st, zone, mode, max,
                activeMatches, status, consent, null, evidence);
    }

    private Set<String> languages(Checks checks) {
        if (languages == null || languages.isEmpty()) {
            return checks.missing("languages");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            String code = languages.get(i) == null ? "" : languages.get(i).trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                return checks.fail("languages[" + i + "]", "pattern", "must be an ISO 639-1 code such as en or es");
            }
            codes.add(code);
        }
        return codes;
    }
}
