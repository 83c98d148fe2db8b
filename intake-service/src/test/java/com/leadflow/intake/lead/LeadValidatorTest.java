package com.leadflow.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.events.Condition;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.PainDuration;
import com.leadflow.events.ServiceType;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadValidatorTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    final LeadValidator validator = new LeadValidator(CLOCK, "2026-11-01"::equals);

    static LeadRequest minimal(String email, String phone, List<String> services, LeadRequest.Insurance insurance) {
        return new LeadRequest(services,
                new LeadRequest.Contact("Rosalind", "O'Neil-Smith", email, phone, null, null),
                "1961-07-15", "94110", null, null, insurance,
                new LeadRequest.Consent(true, "2026-11-01", null), null, null, null);
    }

    @Test
    void aMinimalSubmissionGetsTheDefaults() {
        ValidLead lead = validator.validate(minimal("Rosalind@Example.org", null, List.of("INFO_KIT"), null));

        assertThat(lead.requestedServices()).containsExactly(ServiceType.INFO_KIT);
        assertThat(lead.contact().email()).isEqualTo("rosalind@example.org");
        assertThat(lead.contact().preferredChannel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(lead.preferredLanguage()).isEqualTo("en");
        assertThat(lead.clinical().condition()).isEqualTo(Condition.UNKNOWN);
        assertThat(lead.clinical().painDuration()).isEqualTo(PainDuration.UNKNOWN);
        assertThat(lead.insurance()).isNull();
        assertThat(lead.ambassadorGender()).isNull();
    }

    @Test
    void usPhoneNumbersBecomeE164() {
        assertThat(PhoneNumbers.toE164("(877) 474-2225")).isEqualTo("+18774742225");
        assertThat(PhoneNumbers.toE164("1-877-474-2225")).isEqualTo("+18774742225");
        assertThat(PhoneNumbers.toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.toE164("555-1234")).isNull();
        assertThat(PhoneNumbers.toE164("(077) 474-2225")).isNull();
    }

    @Test
    void aCallBackNeedsAPhoneNumber() {
        assertThat(violations(minimal("r@example.org", null, List.of("CALL_BACK"), null)))
                .contains(new FieldViolation("contact.phone", "required-for-call-back",
                        "Give a phone number so we can call you back."));
        assertThat(validator.validate(minimal(null, "415 555 0100", List.of("CALL_BACK"), null)).contact().phone())
                .isEqualTo("+14155550100");
    }

    @Test
    void insuranceVerificationNeedsInsuranceAndSomeoneElsesPolicyNeedsTheSubscriber() {
        assertThat(rules(minimal("r@example.org", null, List.of("INSURANCE_VERIFICATION"), null)))
                .containsExactly("insurance:required-for-insurance-verification");
        var spouse = new LeadRequest.Insurance(null, "Aetna", "W123456", null, "SPOUSE", null, null, null);
        assertThat(rules(minimal("r@example.org", null, List.of("INSURANCE_VERIFICATION"), spouse))).containsExactly(
                "insurance.subscriberFirstName:required", "insurance.subscriberLastName:required",
                "insurance.subscriberDateOfBirth:required");
        var self = new LeadRequest.Insurance(null, "Aetna", "W123456", null, null, "Ignored", "Name", "1960-01-01");
        ValidLead.Insurance insurance = validator.validate(
                minimal("r@example.org", null, List.of("INSURANCE_VERIFICATION"), self)).insurance();
        assertThat(insurance.subscriberRelationship()).isEqualTo(SubscriberRelationship.SELF);
        assertThat(insurance.subscriberFirstName()).as("the patient's own name travels once").isNull();
    }

    @Test
    void connectingWithAPastPatientDefaultsToNoGenderPreference() {
        assertThat(validator.validate(minimal("r@example.org", null, List.of("CONNECT_WITH_PAST_PATIENT"), null))
                .ambassadorGender()).isEqualTo(GenderPreference.NO_PREFERENCE);
    }

    @Test
    void aDateOfBirthTodayIsNotInThePast() {
        LeadRequest today = new LeadRequest(List.of("INFO_KIT"),
                new LeadRequest.Contact("Rosalind", "Smith", "r@example.org", null, null, null),
                LocalDate.now(CLOCK).toString(), "94110", null, null, null,
                new LeadRequest.Consent(true, "2026-11-01", null), null, null, null);
        assertThat(rules(today)).containsExactly("dateOfBirth:in-past");
    }

    @Test
    void aDateOfBirthIsReadAsTheIsoCalendarReadsIt() {
        for (String date : List.of("1961-07-15", " 1961-07-15 ", "1960-02-29", "2000-02-29", "1926-12-31")) {
            assertThat(validator.validate(bornOn(date)).dateOfBirth()).isEqualTo(LocalDate.parse(date.strip()));
        }
        for (String impossible : List.of("1961-02-29", "1900-02-29", "1961-13-01", "1961-00-10", "1961-04-31",
                "1961-07-00", "1961-7-15", "1961/07/15", "15.07.1961", "1961-07-15T08:00", "19610715", "1961-07-1x")) {
            assertThat(rules(bornOn(impossible))).as(impossible).containsExactly("dateOfBirth:format");
        }
    }

    private static LeadRequest bornOn(String dateOfBirth) {
        return new LeadRequest(List.of("INFO_KIT"),
                new LeadRequest.Contact("Rosalind", "Smith", "r@example.org", null, null, null),
                dateOfBirth, "94110", null, null, null,
                new LeadRequest.Consent(true, "2026-11-01", null), null, null, null);
    }

    @Test
    void repeatedServicesCountOnce() {
        assertThat(validator.validate(minimal("r@example.org", null, List.of("INFO_KIT", "INFO_KIT"), null))
                .requestedServices()).containsExactly(ServiceType.INFO_KIT);
    }

    private List<FieldViolation> violations(LeadRequest request) {
        try {
            validator.validate(request);
            return List.of();
        } catch (InvalidRequestException e) {
            assertThat(e.getMessage()).doesNotContain("Rosalind", "example.org");
            return e.violations();
        }
    }

    private List<String> rules(LeadRequest request) {
        return violations(request).stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void theExceptionNamesFieldsNotValues() {
        assertThatThrownBy(() -> validator.validate(minimal("not-an-email", null, List.of("INFO_KIT"), null)))
                .hasMessageContaining("contact.email").hasMessageNotContaining("not-an-email");
    }
}
