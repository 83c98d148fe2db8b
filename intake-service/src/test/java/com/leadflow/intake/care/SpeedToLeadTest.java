package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpeedToLeadTest {

    static final Instant SUBMITTED = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void everyNewLeadIsWaitingForFiveMinutesThenOverdue() {
        assertThat(SpeedToLead.of(SUBMITTED, null, 0, null, FIVE_MINUTES, SUBMITTED.plusSeconds(299)).state())
                .isEqualTo(SpeedToLead.State.WAITING);
        SpeedToLead overdue = SpeedToLead.of(SUBMITTED, null, 0, null, FIVE_MINUTES, SUBMITTED.plusSeconds(300));
        assertThat(overdue.state()).isEqualTo(SpeedToLead.State.OVERDUE);
        assertThat(overdue.dueAt()).isEqualTo(SUBMITTED.plusSeconds(300));
    }

    @Test
    void attemptsThatDidNotReachTheVisitorKeepTheClockRunning() {
        SpeedToLead leftMessages = SpeedToLead.of(SUBMITTED, null, 2, SUBMITTED.plusSeconds(60), FIVE_MINUTES,
                SUBMITTED.plusSeconds(900));
        assertThat(leftMessages.state()).isEqualTo(SpeedToLead.State.OVERDUE);
        assertThat(leftMessages.attempts()).isEqualTo(2);
    }

    @Test
    void reachingTheVisitorStopsTheClockEvenLate() {
        assertThat(SpeedToLead.of(SUBMITTED, SUBMITTED.plusSeconds(600), 1, SUBMITTED.plusSeconds(600), FIVE_MINUTES,
                SUBMITTED.plusSeconds(9000)).state()).isEqualTo(SpeedToLead.State.REACHED);
    }
}
