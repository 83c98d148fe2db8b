package com.leadflow.insurance.eligibility;

import java.util.Arrays;
import java.util.Optional;

/**
 * The payer reject reason codes (X12 AAA03) the practice acts on, each with what it means for the
 * lead and the plain words shown to patients and care managers.
 */
public enum RejectReason {
    UNABLE_TO_RESPOND_NOW("42", Verdict.Kind.TRANSIENT, false,
            "The insurance company's system could not answer right now."),
    NO_RESPONSE("80", Verdict.Kind.TRANSIENT, false,
            "The insurance company did not answer in time."),
    INVALID_MEMBER_ID("72", Verdict.Kind.NOT_VERIFIED, true,
            "The insurance company did not recognise the member ID. Please check it against the insurance card."),
    INVALID_NAME("73", Verdict.Kind.NOT_VERIFIED, true,
            "The name does not match the insurance company's records. Please give the name exactly as it is printed on the insurance card."),
    SUBSCRIBER_NOT_FOUND("75", Verdict.Kind.NOT_VERIFIED, true,
            "The insurance company could not find this member. Please check the member ID, name and date of birth on the insurance card."),
    INVALID_BIRTH_DATE("58", Verdict.Kind.NOT_VERIFIED, true,
            "The date of birth does not match the insurance company's records. Please check it."),
    BIRTH_DATE_MISMATCH("71", Verdict.Kind.NOT_VERIFIED, true,
            "The date of birth does not match the insurance company's records. Please check it."),
    PATIENT_NOT_FOUND("67", Verdict.Kind.NOT_VERIFIED, true,
            "The insurance company could not find the patient on this policy. Please check the details on the insurance card."),
    AUTHORIZATION_RESTRICTED("41", Verdict.Kind.PENDING_MANUAL, false,
            "The insurance company does not allow the practice to check this plan online; a care manager will call them."),
    INVALID_PROVIDER("43", Verdict.Kind.PENDING_MANUAL, false,
            "The insurance company did not accept the practice's inquiry; a care manager will call them."),
    PROVIDER_NOT_ON_FILE("51", Verdict.Kind.PENDING_MANUAL, false,
            "The insurance company does not have the practice on file yet; a care manager will call them."),
    INVALID_PAYER("79", Verdict.Kind.PENDING_MANUAL, false,
            "The clearinghouse could not route the inquiry to this insurance company; a care manager will call them.");

    private final String code;
    private final Verdict.Kind kind;
    private final boolean patientCanFix;
    private final String plainWords;

    RejectReason(String code, Verdict.Kind kind, boolean patientCanFix, String plainWords) {
        this.code = code;
        this.kind = kind;
        this.patientCanFix = patientCanFix;
        this.plainWords = plainWords;
    }

    public static Optional<RejectReason> ofCode(String code) {
        String trimmed = code == null ? "" : code.strip();
        return Arrays.stream(values()).filter(reason -> reason.code.equals(trimmed)).findFirst();
    }

    public String code() {
        return code;
    }

    public Verdict.Kind kind() {
        return kind;
    }

    public boolean patientCanFix() {
        return patientCanFix;
    }

    public String plainWords() {
        return plainWords;
    }
}
