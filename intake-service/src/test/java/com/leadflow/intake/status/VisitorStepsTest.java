package com.leadflow.intake.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.timeline.StageStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VisitorStepsTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aVisitorWhoAskedOnlyForAnInfoKitSeesNoInsuranceOrReviewStepEvenWhenThoseServicesReported() {
        List<StatusView.Step> steps = VisitorSteps.of(List.of("INFO_KIT"), List.of(
                new StageStatus("INTAKE", "LEAD_SUBMITTED", T),
                new StageStatus("INSURANCE", "INSURANCE_NOT_PROVIDED", T.plusSeconds(1)),
                new StageStatus("REVIEW", "REVIEW_AWAITING_IMAGING", T.plusSeconds(2)),
                new StageStatus("MESSAGES", "MESSAGE_SENT", T.plusSeconds(3))));

        assertThat(steps).extracting(StatusView.Step::label).containsExactly("Your request", "Your free info kit");
        assertThat(steps.get(1).progress()).isEqualTo(PublicProgress.NOT_STARTED);
        assertThat(steps.get(1).since()).isNull();
    }

    @Test
    void stepsKeepTheFormsOrderWhateverOrderTheServicesReportedIn() {
        List<StatusView.Step> steps = VisitorSteps.of(
                List.of("CONNECT_WITH_PAST_PATIENT", "CALL_BACK", "INFO_KIT", "INSURANCE_VERIFICATION", "MRI_CT_REVIEW"),
                List.of(new StageStatus("MATCHING", "MATCH_WAITLISTED", T),
                        new StageStatus("INSURANCE", "INSURANCE_VERIFIED", T.plusSeconds(1)),
                        new StageStatus("INTAKE", "LEAD_SUBMITTED", T.minusSeconds(5)),
                        new StageStatus("REVIEW", "REVIEW_QUEUED", T.plusSeconds(2))));

        assertThat(steps).extracting(StatusView.Step::stage)
                .containsExactly("INTAKE", "REVIEW", "INSURANCE", "INFO_KIT", "CONTACT", "MATCHING");
    }

    @Test
    void aFinishedReviewSaysWhatHappensNextWithoutTheFinding() {
        StatusView.Step review = VisitorSteps.of(List.of("MRI_CT_REVIEW"),
                List.of(new StageStatus("REVIEW", "REVIEW_COMPLETED", T))).get(1);

        assertThat(review.progress()).isEqualTo(PublicProgress.DONE);
        assertThat(review.meaning()).isEqualTo(
                "A specialist has looked at your MRI or CT. A Patient Care Manager will call you to talk it through.");
    }

    @Test
    void verifiedAndNotVerifiedCoverageReadTheSameToTheVisitor() {
        StatusView.Step verified = VisitorSteps.of(List.of("INSURANCE_VERIFICATION"),
                List.of(new StageStatus("INSURANCE", "INSURANCE_VERIFIED", T))).get(1);
        StatusView.Step refused = VisitorSteps.of(List.of("INSURANCE_VERIFICATION"),
                List.of(new StageStatus("INSURANCE", "INSURANCE_NOT_VERIFIED", T))).get(1);

        assertThat(verified).usingRecursiveComparison().isEqualTo(refused);
        assertThat(verified.meaning()).contains("A Patient Care Manager will go through what we found with you");
    }

    /** No wording, for any status of any stage, names a finding, a procedure, a payer or a network. */
    @ParameterizedTest
    @EnumSource(com.leadflow.events.LeadStatus.class)
    void noStepEverSpeaksOfFindingsOrInsuranceAnswers(com.leadflow.events.LeadStatus status) {
        List<String> everything = List.of("MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "INFO_KIT", "CALL_BACK",
                "CONNECT_WITH_PAST_PATIENT");
        for (String stage : List.of("REVIEW", "INSURANCE", "MATCHING", "INFO_KIT", "CONTACT")) {
            String meaning = VisitorSteps.of(everything, List.of(new StageStatus(stage, status.name(), T))).stream()
                    .filter(step -> step.stage().equals(stage)).findFirst().orElseThrow().meaning();
            assertThat(meaning.toLowerCase()).doesNotContain("candidate", "network", "not verified", "covered",
                    "outcome", "surgery", "_");
            Arrays.stream(com.leadflow.events.Procedure.values())
                    .filter(p -> p != com.leadflow.events.Procedure.OTHER && p != com.leadflow.events.Procedure.UNSURE)
                    .forEach(p -> assertThat(meaning.toUpperCase()).doesNotContain(p.name().replace('_', ' ')));
        }
    }
}
