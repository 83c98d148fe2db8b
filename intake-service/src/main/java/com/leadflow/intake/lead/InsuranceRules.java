package com.leadflow.intake.lead;

import com.leadflow.events.SubscriberRelationship;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Insurance is needed when the visitor asks for verification: the payer and the member id always,
 * and the subscriber's name and date of birth when the subscriber is someone else.
 */
final class InsuranceRules {

    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9-]{3,30}");
    static final Pattern GROUP_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,30}");
    static final Pattern PAYER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,60}");

    private InsuranceRules() {
    }

    static ValidLead.Insurance check(Checks checks, LeadRequest.Insurance insurance, boolean verificationRequested,
            LocalDate today) {
        if (insurance == null || isEmpty(insurance)) {
            if (verificationRequested) {
                checks.fail("insurance", "required-for-insurance-verification",
                        "Tell us your insurance so we can verify it.");
            }
            return null;
        }
        String payerId = checks.text("insurance.payerId", insurance.payerId(), false, 60, PAYER_ID);
        String payerName = checks.text("insurance.payerName", insurance.payerName(), true, 100, null);
        String memberId = checks.text("insurance.memberId", insurance.memberId(), true, 30, MEMBER_ID);
        String group = checks.text("insurance.groupNumber", insurance.groupNumber(), false, 30, GROUP_NUMBER);
        SubscriberRelationship relationship = checks.oneOf("insurance.subscriberRelationship",
                insurance.subscriberRelationship(), SubscriberRelationship.class, SubscriberRelationship.SELF, Set.of());
        boolean someoneElse = relationship != SubscriberRelationship.SELF;
        String first = checks.text("insurance.subscriberFirstName", insurance.subscriberFirstName(), someoneElse, 60,
                LeadValidator.NAME);
        String last = checks.text("insurance.subscriberLastName", insurance.subscriberLastName(), someoneElse, 60,
                LeadValidator.NAME);
        LocalDate dob = checks.dateOfBirth("insurance.subscriberDateOfBirth", insurance.subscriberDateOfBirth(),
                someoneElse, today);
        if (!someoneElse) {
            // the patient is the subscriber: their own name and birth date already travel with the lead
            first = null;
            last = null;
            dob = null;
        }
        return new ValidLead.Insurance(payerId, payerName, memberId, group, relationship, first, last, dob);
    }

    private static boolean isEmpty(LeadRequest.Insurance i) {
        return blank(i.payerId()) && blank(i.payerName()) && blank(i.memberId()) && blank(i.groupNumber())
                && blank(i.subscriberFirstName()) && blank(i.subscriberLastName()) && blank(i.subscriberDateOfBirth());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
