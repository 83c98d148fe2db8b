package com.leadflow.insurance.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerClassifierTest {

    private final AnswerClassifier classifier = new AnswerClassifier();

    private static Coverage coverage(boolean active, String serviceType, Network network) {
        return new Coverage(active, "Choice PPO", LocalDate.of(2026, 1, 1), active ? null : LocalDate.of(2025, 12, 31),
                network, 4000L, 20, 125_000L, 430_000L, true, serviceType);
    }

    private static PayerAnswer rejected(String code, String followUp) {
        return new PayerAnswer.Answered(List.of(), List.of(new PayerError(code, followUp)));
    }

    @Test
    void activeCoverageIsVerifiedWithTheBenefitsOfTheHealthPlanLine() {
        Coverage pt = coverage(true, "PT", Network.IN_NETWORK);
        Coverage plan = coverage(true, "30", Network.IN_NETWORK);
        Verdict verdict = classifier.classify(new PayerAnswer.Answered(List.of(pt, plan), List.of()));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.VERIFIED);
        assertThat(verdict.coverage()).isEqualTo(plan);
        assertThat(verdict.coverages()).hasSize(2);
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void onlyInactiveCoverageIsNotVerifiedAndSaysWhenItEnded() {
        Verdict verdict = classifier.classify(new PayerAnswer.Answered(
                List.of(coverage(false, "30", Network.IN_NETWORK)), List.of()));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NOT_VERIFIED);
        assertThat(verdict.reason()).contains("not active").contains("2025-12-31");
        assertThat(verdict.patientCanFix()).isFalse();
    }

    @Test
    void errorsInWhatThePatientEnteredEndAtOnceWithAReasonTheyCanActOn() {
        for (String code : List.of("72", "73", "75", "58", "71", "67")) {
            Verdict verdict = classifier.classify(rejected(code, "C"));
            assertThat(verdict.kind()).as("code %s", code).isEqualTo(Verdict.Kind.NOT_VERIFIED);
            assertThat(verdict.patientCanFix()).as("code %s", code).isTrue();
            assertThat(verdict.payerCode()).isEqualTo(code);
            assertThat(verdict.reason()).as("code %s", code).startsWith("The ").endsWith(".");
        }
        assertThat(classifier.classify(rejected("73", "C")).reason()).contains("name");
        assertThat(classifier.classify(rejected("58", "C")).reason()).contains("date of birth");
    }

    @Test
    void tryAgainLaterCodesAndMissingAnswersAreTransient() {
        assertThat(classifier.classify(rejected("42", "R")).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(classifier.classify(rejected("80", null)).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(classifier.classify(new PayerAnswer.Unreachable("HTTP 503")).kind())
                .isEqualTo(Verdict.Kind.TRANSIENT);
        // a transient code wins: the payer could not really look the member up
        PayerAnswer both = new PayerAnswer.Answered(List.of(),
                List.of(new PayerError("75", "C"), new PayerError("42", "R")));
        assertThat(classifier.classify(both).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
    }

    @Test
    void refusalsOfThePracticesInquiryGoToAPerson() {
        Verdict verdict = classifier.classify(rejected("51", "N"));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PENDING_MANUAL);
        assertThat(verdict.patientCanFix()).isFalse();
    }

    @Test
    void unknownCodesFollowThePayersFollowUpAction() {
        assertThat(classifier.classify(rejected("99", "R")).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        Verdict verdict = classifier.classify(rejected("99", "N"));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NOT_VERIFIED);
        assertThat(verdict.reason()).contains("99");
    }

    @Test
    void anUnreadableOrEmptyAnswerFailsWithAReasonAndIsNotRetried() {
        Verdict garbled = classifier.classify(new PayerAnswer.Unreadable("the body is not JSON"));
        assertThat(garbled.kind()).isEqualTo(Verdict.Kind.FAILED);
        assertThat(garbled.reason()).contains("could not be read").contains("not JSON");
        Verdict empty = classifier.classify(new PayerAnswer.Answered(List.of(), List.of()));
        assertThat(empty.kind()).isEqualTo(Verdict.Kind.FAILED);
    }
}
