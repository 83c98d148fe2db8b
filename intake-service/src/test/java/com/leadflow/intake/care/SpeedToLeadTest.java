package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpeedToLeadTest {

    static final Instant SUBMITTED = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void aRequestedCallBackIsWaitingForFiveMinutesThenOverdue() {
        assertThat(SpeedToLead.of(true, SUBMITTED, null, FIVE_MINUTES, SUBMITTED.plusSeconds(299)).state())
                .isEqualTo(SpeedToLead.State.WAITING);
        SpeedToLead overdue = SpeedToLead.of(true, SUBMITTED, null, FIVE_MINUTES, SUBMITTED.plusSeconds(300));
        assertThat(overdue.state()).isEqualTo(SpeedToLead.State.OVERDUE);
        assertThat(overdue.dueAt()).isEqualTo(SUBMITTED.plusSeconds(300));
    }

    @Test
    void theFirstContactAttemptStopsTheClock() {
        assertThat(SpeedToLead.of(true, SUBMITTED, SUBMITTED.plusSeconds(600), FIVE_MINUTES, SUBMITTED.plusSeconds(9000))
                .state()).isEqualTo(SpeedToLead.State.CONTACTED);
    }

    @Test
    void noCallBackMeansNoClock() {
        assertThat(SpeedToLead.of(false, SUBMITTED, null, FIVE_MINUTES, SUBMITTED.plusSeconds(9000)).state())
                .isEqualTo(SpeedToLead.State.NOT_REQUESTED);
    }
}
