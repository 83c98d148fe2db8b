package com.leadflow.matching.events;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewStatusDetails;
import com.leadflow.matching.matchmaking.LeadMatching;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Where leads and review outcomes reach matching. Each event is applied once, in one transaction
 * with the matching it causes and the status events that report it.
 */
@Component
public class LeadEventsListener {

    static final String SUBMITTED_CONSUMER = "matching-lead-submitted";
    static final String REVIEW_CONSUMER = "matching-review-outcome";

    private final IdempotentConsumer idempotent;
    private final LeadMatching matching;
    private final Clock clock;

    public LeadEventsListener(IdempotentConsumer idempotent, LeadMatching matching, Clock clock) {
        this.idempotent = idempotent;
        this.matching = matching;
        this.clock = clock;
    }

    @KafkaListener(id = "matching-leads-submitted", groupId = "matching-service",
            topics = "#{T(com.leadflow.schemas.Topics).LEADS_SUBMITTED.name()}")
    void onLeadSubmitted(ConsumerRecord<String, LeadSubmitted> record) {
        if (record.value() == null) {
            throw new EventRejectedException("leads.submitted record has no value");
        }
        var facts = LeadTranslator.facts(record.value(), LocalDate.now(clock));
        idempotent.applyOnceBlocking(SUBMITTED_CONSUMER, record, () -> matching.leadSubmitted(facts));
    }

    /** Only completed reviews that found a candidate matter here; matching's own reports are skipped. */
    @KafkaListener(id = "matching-leads-status", groupId = "matching-service",
            topics = "#{T(com.leadflow.schemas.Topics).LEADS_STATUS.name()}")
    void onLeadStatus(ConsumerRecord<String, LeadStatusChanged> record) {
        LeadStatusChanged event = record.value();
        if (event == null || event.getReporter() == Reporter.MATCHING || event.getStatus() != LeadStatus.REVIEW_COMPLETED) {
            return;
        }
        ReviewStatusDetails review = event.getReview();
        if (review == null) {
            throw new EventRejectedException("REVIEW_COMPLETED without review details");
        }
        if (review.getOutcome() != ReviewOutcome.CANDIDATE) {
            return;
        }
        if (event.getLeadId() == null || event.getLeadId().isBlank()) {
            throw new EventRejectedException("leadId is blank");
        }
        MatchTarget found = new MatchTarget(review.getCondition(), review.getRecommendedProcedure());
        idempotent.applyOnceBlocking(REVIEW_CONSUMER, record, () -> matching.reviewFoundCandidate(event.getLeadId(), found));
    }
}
