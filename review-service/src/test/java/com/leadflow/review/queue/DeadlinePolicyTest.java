package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.events.RedFlag;
import com.leadflow.events.ReviewPriority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private final DeadlinePolicy policy = new DeadlinePolicy(Map.of(
            ReviewPriority.URGENT, ServiceTarget.within(Duration.ofHours(1)),
            ReviewPriority.ROUTINE, ServiceTarget.businessDays(2)), new BusinessCalendar(ZONE));

    @Test
    void anyRedFlagMakesAReviewUrgent() {
        assertThat(Triage.priority(List.of(RedFlag.SADDLE_NUMBNESS))).isEqualTo(ReviewPriority.URGENT);
        assertThat(Triage.priority(List.of(RedFlag.OTHER))).isEqualTo(ReviewPriority.URGENT);
        assertThat(Triage.priority(List.of())).isEqualTo(ReviewPriority.ROUTINE);
        assertThat(Triage.priority(null)).isEqualTo(ReviewPriority.ROUTINE);
    }

    @Test
    void anUrgentReviewIsDueOneHourAfterItWasQueuedEvenOnAWeekend() {
        Instant saturday = LocalDateTime.parse("2026-11-28T22:30:00").atZone(ZONE).toInstant();
        assertThat(policy.dueAt(ReviewPriority.URGENT, saturday)).isEqualTo(saturday.plus(Duration.ofHours(1)));
    }

    @Test
    void aRoutineReviewQueuedOnFridayIsDueOnTuesday() {
        Instant friday = LocalDateTime.parse("2026-11-27T10:00:00").atZone(ZONE).toInstant();
        assertThat(policy.dueAt(ReviewPriority.ROUTINE, friday))
                .isEqualTo(LocalDateTime.parse("2026-12-01T10:00:00").atZone(ZONE).toInstant());
    }

    @Test
    void everyPriorityNeedsATarget() {
        assertThatThrownBy(() -> new DeadlinePolicy(Map.of(ReviewPriority.URGENT, ServiceTarget.within(Duration.ofHours(1))),
                new BusinessCalendar(ZONE))).hasMessageContaining("ROUTINE");
    }

    @Test
    void aTargetIsEitherATimeOrBusinessDays() {
        assertThatThrownBy(() -> new ServiceTarget(Duration.ofHours(1), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceTarget(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceTarget.businessDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceTarget.within(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
