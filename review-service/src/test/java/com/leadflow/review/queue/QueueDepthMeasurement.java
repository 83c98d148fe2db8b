package com.leadflow.review.queue;

import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.review.claim.Lease;
import com.leadflow.review.metrics.ReviewMetrics;
import com.leadflow.review.support.Leads;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTaskStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * By hand (not part of the suite): what one count of the queue's depth costs with the benchmark's
 * queue (nobody claims, so every admitted lead's review waits; the count ran after every poll the
 * consumer committed). Times reading every open review and counting them here, as the count did
 * before, beside the count the database makes now. Run with {@code -Dtest=QueueDepthMeasurement}.
 */
@ReviewIntegrationTest
class QueueDepthMeasurement {

    private static final int QUEUED = 5000;
    private static final int COUNTS = 20;

    @Autowired
    ReviewAdmissions admissions;
    @Autowired
    ConsumerDatabase consumers;
    @Autowired
    ReviewTaskStore store;
    @Autowired
    ReviewMetrics metrics;

    @Test
    void oneCount() {
        for (int i = 0; i < QUEUED / 50; i++) {
            List<Event<LeadSubmitted>> poll = poll(50);
            consumers.inTransaction(() -> admissions.leadsSubmitted(poll));
        }
        for (int i = 0; i < 3; i++) {
            readEveryOpenReview();
            metrics.refreshQueueDepth().block();
        }
        long start = System.nanoTime();
        for (int i = 0; i < COUNTS; i++) {
            readEveryOpenReview();
        }
        double before = (System.nanoTime() - start) / 1e6 / COUNTS;
        start = System.nanoTime();
        for (int i = 0; i < COUNTS; i++) {
            metrics.refreshQueueDepth().block();
        }
        double after = (System.nanoTime() - start) / 1e6 / COUNTS;
        System.out.printf("MEASURED review-service queue depth, %d+ reviews waiting: every open review read and counted "
                + "here %.1f ms, counted by the database %.1f ms (mean of %d)%n", QUEUED, before, after, COUNTS);
    }

    private void readEveryOpenReview() {
        Instant now = Instant.now();
        store.open().filter(task -> Lease.isClaimable(task.status(), task.leaseExpiresAt(), now))
                .collectMultimap(ReviewTask::priority).block();
    }

    private static List<Event<LeadSubmitted>> poll(int size) {
        return IntStream.range(0, size).mapToObj(i -> {
            String leadId = Leads.newLeadId();
            LeadSubmitted lead = Leads.lead(leadId, List.of(ServiceType.MRI_CT_REVIEW), List.of(), List.of());
            return new Event<>(leadId, lead, UUID.randomUUID().toString(), "measure-" + UUID.randomUUID(), null, null);
        }).toList();
    }
}
