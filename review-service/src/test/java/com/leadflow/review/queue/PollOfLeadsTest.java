package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.review.support.Leads;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A poll of many submitted leads is admitted with multi-row statements: each lead still ends as it
 * would alone, in its order. Applied here as the platform applies a poll (one JDBC transaction),
 * without waiting for Kafka to bring the leads in one poll.
 */
@ReviewIntegrationTest
class PollOfLeadsTest {

    @Autowired
    ReviewAdmissions admissions;
    @Autowired
    ConsumerDatabase consumers;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aPollOfLeadsIsAdmittedEachAsAloneAndALeadThatComesTwiceOnce() {
        String waiting = Leads.newLeadId();
        String withImaging = Leads.newLeadId();
        String notForReview = Leads.newLeadId();
        String imagingFirst = Leads.newLeadId();
        consumers.inTransaction(() -> admissions.imagingAttached(
                event(imagingFirst, Leads.attached(imagingFirst, LocalDate.parse("2026-10-01")))));
        List<Event<LeadSubmitted>> poll = List.of(
                event(waiting, Leads.lead(waiting, List.of(ServiceType.MRI_CT_REVIEW), List.of(), List.of())),
                event(withImaging, Leads.withImaging(withImaging, List.of(), LocalDate.parse("2026-09-01"))),
                event(notForReview, Leads.lead(notForReview, List.of(ServiceType.INFO_KIT), List.of(), List.of())),
                event(imagingFirst, Leads.lead(imagingFirst, List.of(ServiceType.MRI_CT_REVIEW), List.of(), List.of())),
                // the same lead again, with imaging this time: its review stays as the first event made it
                event(waiting, Leads.withImaging(waiting, List.of(), null)));

        try (ReviewFixture reviews = new ReviewFixture(kafka, db, brokers)) {
            consumers.inTransaction(() -> admissions.leadsSubmitted(poll));

            reviews.awaitStatus(waiting, LeadStatus.REVIEW_AWAITING_IMAGING);
            reviews.awaitStatus(withImaging, LeadStatus.REVIEW_QUEUED);
            // imaging that came before its lead counts
            reviews.awaitStatus(imagingFirst, LeadStatus.REVIEW_QUEUED);
            assertThat(reviews.statusesOf(waiting)).containsExactly(LeadStatus.REVIEW_AWAITING_IMAGING);
        }
        assertThat(count("select count(*) as n from review_task where lead_id in (:leads)",
                List.of(waiting, withImaging, notForReview, imagingFirst))).isEqualTo(3);
        assertThat(count("select count(*) as n from review_task where lead_id in (:leads) and status = 'AWAITING_IMAGING'",
                List.of(waiting))).isEqualTo(1);
        assertThat(count("select count(*) as n from review_imaging where lead_id in (:leads)", List.of(waiting)))
                .as("the repeated lead's imaging is kept").isEqualTo(1);
    }

    private long count(String sql, List<String> leads) {
        return db.sql(sql).bind("leads", leads).map(row -> row.get("n", Long.class)).one().block();
    }

    private static <V> Event<V> event(String leadId, V value) {
        return new Event<>(leadId, value, UUID.randomUUID().toString(), "test-" + UUID.randomUUID(), null, null);
    }
}
