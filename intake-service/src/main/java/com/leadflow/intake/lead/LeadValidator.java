package com.leadflow.intake.lead;

import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.ServiceType;
import com.leadflow.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules a web form submission must meet before it becomes a lead. Every broken rule is
 * reported at once, by field:
 * <ul>
 *   <li>at least one known service is requested;</li>
 *   <li>a first and last name, and an email or a phone number; the preferred channel must be one
 *       the visitor gave (a call-back or text needs a phone, email needs an email);</li>
 *   <li>an adult's date of birth: at least 18 years ago (the practice treats adults; a visitor under 18
 *       is asked to have a parent or guardian get in touch) and at most 120;</li>
 *   <li>a US ZIP code that can exist (none starts with 000), a two-letter language;</li>
 *   <li>names and other text in Unicode's composed form (NFC);</li>
 *   <li>clinical answers from the known lists, pain a whole number from 0 to 10;</li>
 *   <li>insurance when verification is requested: payer and member id, and the subscriber's name
 *       and date of birth when the subscriber is not the patient;</li>
 *   <li>consent given (the JSON value {@code true}), to a disclosure version the practice published;</li>
 *   <li>a first touch at most two years ago and not in the future.</li>
 * </ul>
 */
public class LeadValidator {

    static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} .'-]*");
    /** A local part without empty dot-separated pieces, then domain labels that neither start nor end with a dash. */
    static final Pattern EMAIL = Pattern.compile(
            "[^@\\s.]+(\\.[^@\\s.]+)*@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+(\\p{L}{2,63}|xn--[A-Za-z0-9-]{1,59})");
    static final int ADULT_AGE = 18;
    static final String LETTERS_ONLY = "Use letters only (spaces, hyphens and apostrophes are fine).";
    static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final Clock clock;
    private final Predicate<String> knownDisclosureVersion;

    public LeadValidator(Clock clock, Predicate<String> knownDisclosureVersion) {
        this.clock = clock;
        this.knownDisclosureVersion = knownDisclosureVersion;
    }

    /** The normalized lead, or {@link InvalidRequestException} naming every broken rule. */
    public ValidLead validate(LeadRequest request) {
        Checks checks = new Checks();
        List<ServiceType> services = checks.listOf("requestedServices", request.requestedServices(), ServiceType.class,
                Set.of(ServiceType.UNKNOWN), ServiceType.values().length);
        if (services.isEmpty() && checks.ok()) {
            checks.fail("requestedServices", "required", "Choose at least one thing we can do for you.");
        }
        ValidLead.Contact contact = contact(checks, request.contact(), services);
        LocalDate today = LocalDate.now(clock);
        LocalDate dateOfBirth = checks.dateOfBirth("dateOfBirth", request.dateOfBirth(), true, today);
        // a day's grace: on their birthday a visitor's today may be ahead of the server's
        if (dateOfBirth != null && dateOfBirth.isAfter(today.plusDays(1).minusYears(ADULT_AGE))) {
            checks.fail("dateOfBirth", "adults-only", "This form is for adults (18 or older). If you are younger, "
                    + "please ask a parent or guardian to get in touch with us for you.");
        }
        String zip = checks.text("zipCode", request.zipCode(), true, 10, ZIP, "Enter a 5-digit ZIP code like 94110.");
        if (zip != null && ZIP.matcher(zip).matches() && zip.startsWith("000")) {
            checks.fail("zipCode", "unassigned", "No US ZIP code starts with 000: please check it.");
        }
        String language = checks.text("preferredLanguage", request.preferredLanguage(), false, 2, LANGUAGE);
        ValidLead.Clinical clinical = ClinicalRules.check(checks, request.clinical());
        ValidLead.Insurance insurance = InsuranceRules.check(checks, request.insurance(),
                services.contains(ServiceType.INSURANCE_VERIFICATION), today);
        String disclosureVersion = consent(checks, request.consent());
        String pageUrl = request.consent() == null ? null
                : checks.text("consent.pageUrl", request.consent().pageUrl(), false, 2000, AttributionRules.URL);
        ValidLead.Attribution attribution = AttributionRules.check(checks, request.attribution(), clock.instant());
        GenderPreference gender = request.connectPreferences() == null ? null
                : checks.oneOf("connectPreferences.ambassadorGender", request.connectPreferences().ambassadorGender(),
                        GenderPreference.class, GenderPreference.NO_PREFERENCE, Set.of());
        List<UUID> imagingIds = imagingIds(checks, request.imagingIds());
        if (!checks.ok()) {
            throw new InvalidRequestException(checks.violations());
        }
        if (gender == null && services.contains(ServiceType.CONNECT_WITH_PAST_PATIENT)) {
            gender = GenderPreference.NO_PREFERENCE;
        }
        return new ValidLead(services, contact, dateOfBirth, zip, language == null ? "en" : language, clinical,
                insurance, disclosureVersion, pageUrl, attribution, gender, imagingIds);
    }

    private ValidLead.Contact contact(Checks checks, LeadRequest.Contact contact, List<ServiceType> services) {
        if (contact == null) {
            checks.fail("contact", "required", "Tell us your name and how to reach you.");
            return null;
        }
        String first = checks.text("contact.firstName", contact.firstName(), true, 60, NAME, LETTERS_ONLY);
        String last = checks.text("contact.lastName", contact.lastName(), true, 60, NAME, LETTERS_ONLY);
        String email = checks.text("contact.email", contact.email(), false, 254, EMAIL,
                "Enter an email like name@example.com.");
        String phone = null;
        if (checks.present(contact.phone())) {
            phone = PhoneNumbers.toE164(contact.phone());
            if (phone == null) {
                checks.fail("contact.phone", "format", "Use a phone number like (877) 474-2225 or +18774742225.");
            }
        }
        boolean phoneGiven = checks.present(contact.phone());
        boolean emailGiven = checks.present(contact.email());
        if (!phoneGiven && !emailGiven) {
            checks.fail("contact", "email-or-phone-required", "Give an email address or a phone number.");
        }
        ContactChannel channel = checks.oneOf("contact.preferredChannel", contact.preferredChannel(),
                ContactChannel.class, phoneGiven || !emailGiven ? ContactChannel.PHONE : ContactChannel.EMAIL, Set.of());
        if (channel == ContactChannel.EMAIL && !emailGiven && phoneGiven) {
            checks.fail("contact.email", "required-for-channel", "Give an email address to be reached by email.");
        }
        if (channel != ContactChannel.EMAIL && !phoneGiven && emailGiven) {
            checks.fail("contact.phone", "required-for-channel", "Give a phone number to be called or texted.");
        } else if (services.contains(ServiceType.CALL_BACK) && !phoneGiven && emailGiven) {
            checks.fail("contact.phone", "required-for-call-back", "Give a phone number so we can call you back.");
        }
        ContactTime time = checks.oneOf("contact.preferredTime", contact.preferredTime(), ContactTime.class,
                ContactTime.ANYTIME, Set.of());
        return new ValidLead.Contact(first, last, email == null ? null : email.toLowerCase(java.util.Locale.ROOT),
                phone, channel, time);
    }

    private String consent(Checks checks, LeadRequest.Consent consent) {
        if (consent == null) {
            checks.fail("consent", "required", "Please read the disclosure and tick the consent box.");
            return null;
        }
        if (!Boolean.TRUE.equals(consent.contactConsentGiven())) {
            checks.fail("consent.contactConsentGiven", "must-be-accepted",
                    "We can only contact you with your consent: please tick the box.");
        }
        String version = consent.disclosureVersion();
        if (!checks.present(version)) {
            checks.fail("consent.disclosureVersion", "required", "The disclosure version is missing.");
        } else if (!knownDisclosureVersion.test(version.strip())) {
            checks.fail("consent.disclosureVersion", "unknown-version", "This disclosure version was never published.");
        }
        return version == null ? null : version.strip();
    }

    private static List<UUID> imagingIds(Checks checks, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > 10) {
            checks.fail("imagingIds", "max-items", "Attach at most 10 files.");
            return List.of();
        }
        List<UUID> result = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                result.add(UUID.fromString(String.valueOf(ids.get(i))));
            } catch (IllegalArgumentException e) {
                checks.fail("imagingIds[" + i + "]", "format", "Not an id of an uploaded file.");
            }
        }
        return result.stream().distinct().toList();
    }
}
