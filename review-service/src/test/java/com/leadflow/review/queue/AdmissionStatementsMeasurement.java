package com.leadflow.review.queue;

import com.leadflow.test.StatementCounter;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.review.support.Leads;
import com.leadflow.review.support.ReviewIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * By hand (not part of the suite): the statements and round trips the lead consumer's work costs
 * per poll of the benchmark's leads (an MRI/CT review without imaging, insurance, a past patient),
 * applied as the platform applies a poll (one JDBC transaction) but without the platform's claim
 * of the event ids. Run with {@code -Dtest=AdmissionStatementsMeasurement}; it prints the counts.
 */
@ReviewIntegrationTest
class AdmissionStatementsMeasurement {

    @Autowired
    ReviewAdmissions admissions;
    @Autowired
    ConsumerDatabase consumers;

    @Test
    void statementsPerPoll() {
        // the pool's first connection and the driver's first statements are not what a poll costs
        for (int i = 0; i < 10; i++) {
            apply(poll(20));
            apply(poll(1));
        }
        for (int size : new int[] {1, 20}) {
            List<Event<LeadSubmitted>> poll = poll(size);
            try (StatementCounter counter = new StatementCounter()) {
                apply(poll);
                System.out.printf("MEASURED review-service, poll of %d: %d statements (COMMIT included; pgjdbc sends BEGIN along with the first), %d round trips%n",
                        size, counter.statements(), counter.roundTrips());
            }
        }
    }

    private void apply(List<Event<LeadSubmitted>> poll) {
        consumers.inTransaction(() -> admissions.leadsSubmitted(poll));
    }

    private static List<Event<LeadSubmitted>> poll(int size) {
        return IntStream.range(0, size).mapToObj(i -> {
            String leadId = Leads.newLeadId();
            LeadSubmitted lead = Leads.lead(leadId, List.of(ServiceType.MRI_CT_REVIEW, ServiceType.INSURANCE_VERIFICATION,
                    ServiceType.CONNECT_WITH_PAST_PATIENT), List.of(), List.of());
            return new Event<>(leadId, lead, UUID.randomUUID().toString(), "measure-" + UUID.randomUUID(), null, null);
        }).toList();
    }
}
