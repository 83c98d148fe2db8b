package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.events.RedFlag;
import com.leadflow.events.ReviewPriority;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.review.support.Leads;
import com.leadflow.review.task.ReviewStatus;
import com.leadflow.review.task.ReviewTask;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadToTaskTest {

    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    private final LeadToTask leadToTask = new LeadToTask(new DeadlinePolicy(Map.of(
            ReviewPriority.URGENT, ServiceTarget.within(Duration.ofHours(1)),
            ReviewPriority.ROUTINE, ServiceTarget.businessDays(2)), new BusinessCalendar(ZoneId.of("America/New_York"))));

    @Test
    void theAgeIsCountedOnTheDayOfSubmissionAndTheBirthDateIsNotKept() {
        // submitted 2026-11-20, born 1970-11-21: the 56th birthday is the next day
        ReviewTask task = leadToTask.task(Leads.withImaging("lead-1", List.of(), null), ReviewStatus.QUEUED, null, NOW);
        assertThat(task.clinical().age()).isEqualTo(55);
        assertThat(task.toString()).doesNotContain("1970", Leads.FIRST_NAME, Leads.EMAIL, Leads.MEMBER_ID, "Acme");
    }

    @Test
    void aQueuedUrgentReviewIsDueWithinTheHourAndAWaitingOneHasNoDeadlineYet() {
        ReviewTask urgent = leadToTask.task(Leads.withImaging("lead-2", List.of(RedFlag.SADDLE_NUMBNESS), null),
                ReviewStatus.QUEUED, null, NOW);
        assertThat(urgent.priority()).isEqualTo(ReviewPriority.URGENT);
        assertThat(urgent.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));

        ReviewTask waiting = leadToTask.task(Leads.withImaging("lead-3", List.of(), null), ReviewStatus.AWAITING_IMAGING,
                null, NOW);
        assertThat(waiting.queuedAt()).isNull();
        assertThat(waiting.dueAt()).isNull();
    }

    @Test
    void aBirthDateInTheFutureIsRejectedWithoutQuotingIt() {
        var lead = Leads.withImaging("lead-4", List.of(), null);
        lead.setDateOfBirth(LocalDate.parse("2030-01-01"));
        assertThatThrownBy(() -> leadToTask.task(lead, ReviewStatus.QUEUED, null, NOW))
                .isInstanceOf(EventRejectedException.class)
                .hasMessageContaining("dateOfBirth").hasMessageNotContaining("2030");
    }
}
