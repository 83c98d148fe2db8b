package com.leadflow.review.support;

import com.leadflow.events.ImagingReference;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.RedFlag;
import com.leadflow.events.ServiceType;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/** Puts leads into the queue through the real topic and waits for what the service reports. */
public final class ReviewFixture implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> kafka;
    private final DatabaseClient db;
    private final TopicProbe<LeadStatusChanged> status;

    public ReviewFixture(KafkaTemplate<String, Object> kafka, DatabaseClient db, String brokers) {
        this.kafka = kafka;
        this.db = db;
        this.status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
    }

    /** Submits a lead with imaging and returns its review's id once it is queued. */
    public Queued queueLead(List<RedFlag> redFlags) {
        String leadId = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.withImaging(leadId, redFlags, null), UUID.randomUUID().toString()));
        return new Queued(leadId, awaitStatus(leadId, LeadStatus.REVIEW_QUEUED).value().getReview().getReviewId());
    }

    /** Submits a lead with the given imaging and returns its review's id once it is queued. */
    public Queued queueLead(List<RedFlag> redFlags, List<ImagingReference> imaging) {
        String leadId = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.lead(leadId, List.of(ServiceType.MRI_CT_REVIEW), redFlags, imaging),
                UUID.randomUUID().toString()));
        return new Queued(leadId, awaitStatus(leadId, LeadStatus.REVIEW_QUEUED).value().getReview().getReviewId());
    }

    public ConsumerRecord<String, LeadStatusChanged> awaitStatus(String leadId, LeadStatus wanted) {
        return status.await(record -> leadId.equals(record.key()) && record.value().getStatus() == wanted, WAIT);
    }

    public List<LeadStatus> statusesOf(String leadId) {
        return status.records().stream().filter(record -> leadId.equals(record.key()))
                .map(record -> record.value().getStatus()).toList();
    }

    /** Closes every open review, so a test of "next" sees only its own. */
    public void emptyTheQueue() {
        db.sql("""
                update review_task set status = 'COMPLETED', outcome = 'NOT_A_CANDIDATE', next_step = 'OTHER',
                    completed_by = 'test-cleanup', lease_expires_at = null
                where status in ('QUEUED', 'IN_PROGRESS')""").fetch().rowsUpdated().block();
    }

    @Override
    public void close() {
        status.close();
    }

    public record Queued(String leadId, String reviewId) {
    }
}
