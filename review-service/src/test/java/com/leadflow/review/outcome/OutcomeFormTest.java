package com.leadflow.review.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.InformationNeeded;
import com.leadflow.events.NextStep;
import com.leadflow.events.Procedure;
import com.leadflow.events.ReviewOutcome;
import org.junit.jupiter.api.Test;

class OutcomeFormTest {

    @Test
    void aCandidateNeedsTheRecommendedProcedure() {
        var result = new OutcomeForm("CANDIDATE", null, null, null, "notes").validate();
        assertThat(result.violations()).containsExactly(
                new FieldViolation("recommendedProcedure", "required", "Choose the recommended procedure."));
        var ok = new OutcomeForm("CANDIDATE", "MICRODISCECTOMY", null, null, " L5-S1 ").validate();
        assertThat(ok.decision()).isEqualTo(ReviewDecision.candidate(Procedure.MICRODISCECTOMY, "L5-S1"));
    }

    @Test
    void aCandidateCannotBeRecommendedUnsure() {
        var result = new OutcomeForm("CANDIDATE", "UNSURE", null, null, null).validate();
        assertThat(result.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recommendedProcedure", "not-unsure"));
    }

    @Test
    void aNonCandidateNeedsTheNextStep() {
        assertThat(new OutcomeForm("NOT_A_CANDIDATE", null, null, null, null).validate().violations())
                .extracting(FieldViolation::field).containsExactly("nextStep");
        assertThat(new OutcomeForm("NOT_A_CANDIDATE", null, "CONSERVATIVE_CARE", null, null).validate().decision())
                .isEqualTo(ReviewDecision.notACandidate(NextStep.CONSERVATIVE_CARE, null));
    }

    @Test
    void needingMoreInformationSaysWhat() {
        assertThat(new OutcomeForm("NEEDS_MORE_INFORMATION", null, null, "", null).validate().violations())
                .extracting(FieldViolation::field).containsExactly("informationNeeded");
        assertThat(new OutcomeForm("NEEDS_MORE_INFORMATION", null, null, "NEWER_IMAGING", null).validate().decision())
                .isEqualTo(ReviewDecision.needsMoreInformation(InformationNeeded.NEWER_IMAGING, null));
    }

    @Test
    void theOutcomeItselfIsRequiredAndMustBeKnown() {
        assertThat(new OutcomeForm(null, null, null, null, null).validate().violations())
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("outcome", "required"));
        assertThat(new OutcomeForm("MAYBE", null, null, null, null).validate().violations())
                .extracting(FieldViolation::rule).containsExactly("one-of");
        assertThat(new OutcomeForm("UNKNOWN", null, null, null, null).validate().violations())
                .extracting(FieldViolation::rule).containsExactly("one-of");
    }

    @Test
    void fieldsOfAnotherOutcomeAreRefusedSoNoRecordContradictsItself() {
        var result = new OutcomeForm("CANDIDATE", "LAMINECTOMY", "PHYSICAL_THERAPY", null, null).validate();
        assertThat(result.isValid()).isFalse();
        assertThat(result.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nextStep", "not-allowed"));
    }

    @Test
    void anUnknownProcedureIsNamedWithoutEchoingTheInput() {
        var result = new OutcomeForm("CANDIDATE", "Jane Doe's surgery", null, null, null).validate();
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("one-of");
            assertThat(v.message()).doesNotContain("Jane");
        });
    }

    @Test
    void overlongNotesAreRefused() {
        var result = new OutcomeForm("NOT_A_CANDIDATE", null, "PAIN_MANAGEMENT", null, "x".repeat(4001)).validate();
        assertThat(result.violations()).extracting(FieldViolation::field).containsExactly("notes");
    }

    @Test
    void aDecisionNeverHoldsFieldsOfAnotherOutcome() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReviewDecision(ReviewOutcome.CANDIDATE,
                Procedure.LAMINOTOMY, NextStep.OTHER, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
