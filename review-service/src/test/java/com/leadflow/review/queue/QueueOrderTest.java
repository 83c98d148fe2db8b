package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.ReviewPriority;
import com.leadflow.review.task.ReviewStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    record Entry(String reviewId, ReviewPriority priority, Instant dueAt, Instant queuedAt) implements QueueOrder.Entry {
    }

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void urgentReviewsComeBeforeRoutineOnesEvenWhenRoutineOnesAreDueEarlier() {
        Entry routineDueFirst = new Entry("r", ReviewPriority.ROUTINE, T.plusSeconds(60), T);
        Entry urgentDueLater = new Entry("u", ReviewPriority.URGENT, T.plusSeconds(3600), T);
        assertThat(sorted(routineDueFirst, urgentDueLater)).extracting(Entry::reviewId).containsExactly("u", "r");
    }

    @Test
    void withinAPriorityTheEarliestDeadlineComesFirst() {
        Entry later = new Entry("later", ReviewPriority.ROUTINE, T.plusSeconds(7200), T.minusSeconds(100));
        Entry sooner = new Entry("sooner", ReviewPriority.ROUTINE, T.plusSeconds(3600), T);
        Entry urgentLater = new Entry("urgent-later", ReviewPriority.URGENT, T.plusSeconds(1800), T);
        Entry urgentSooner = new Entry("urgent-sooner", ReviewPriority.URGENT, T.plusSeconds(600), T);
        assertThat(sorted(later, urgentLater, sooner, urgentSooner)).extracting(Entry::reviewId)
                .containsExactly("urgent-sooner", "urgent-later", "sooner", "later");
    }

    @Test
    void equalDeadlinesGoToTheLongestWaitingReview() {
        Entry newer = new Entry("a", ReviewPriority.ROUTINE, T, T.plusSeconds(5));
        Entry older = new Entry("b", ReviewPriority.ROUTINE, T, T);
        assertThat(sorted(newer, older)).extracting(Entry::reviewId).containsExactly("b", "a");
    }

    @Test
    void admissionQueuesLeadsWithImagingAndParksReviewRequestsWithout() {
        assertThat(Admission.admit(true, true)).contains(ReviewStatus.QUEUED);
        assertThat(Admission.admit(false, true)).contains(ReviewStatus.QUEUED);
        assertThat(Admission.admit(true, false)).contains(ReviewStatus.AWAITING_IMAGING);
        assertThat(Admission.admit(false, false)).isEmpty();
    }

    private static List<Entry> sorted(Entry... entries) {
        List<Entry> list = new ArrayList<>(List.of(entries));
        list.sort(QueueOrder.ORDER);
        return list;
    }
}
