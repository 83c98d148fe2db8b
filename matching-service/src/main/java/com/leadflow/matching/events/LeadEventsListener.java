package com.leadflow.matching.events;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewStatusDetails;
import com.leadflow.matching.matchmaking.LeadMatching;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where leads and review outcomes reach matching ({@code matching.leads.submitted},
 * {@code matching.leads.status}). The platform applies each event once, a poll per JDBC transaction
 * on the listener's thread, with the matching it causes and the status events that report it.
 */
@Configuration(proxyBeanMethods = false)
public class LeadEventsListener {

    /** A poll's leads are matched together (see {@link LeadMatching#leadsSubmitted}). */
    @Bean
    PollHandler<LeadSubmitted> leadSubmittedHandler(LeadMatching matching, Clock clock) {
        return new PollHandler<>() {
            @Override
            public Topic<String, LeadSubmitted> topic() {
                return Topics.LEADS_SUBMITTED;
            }

            @Override
            public void apply(List<Event<LeadSubmitted>> events) {
                LocalDate today = LocalDate.now(clock);
                matching.leadsSubmitted(events.stream()
                        .map(event -> new LeadMatching.Arrival(event, LeadTranslator.facts(event.value(), today)))
                        .toList());
            }
        };
    }

    @Bean
    PollHandler<LeadStatusChanged> reviewOutcomeHandler(LeadMatching matching) {
        return new ReviewOutcomes(matching);
    }

    /** Only completed reviews that found a candidate matter here; the rest (matching's own reports too) are skipped. */
    private record ReviewOutcomes(LeadMatching matching) implements PollHandler<LeadStatusChanged> {

        @Override
        public Topic<String, LeadStatusChanged> topic() {
            return Topics.LEADS_STATUS;
        }

        @Override
        public boolean wants(Event<LeadStatusChanged> event) {
            LeadStatusChanged status = event.value();
            if (status.getReporter() == Reporter.MATCHING || status.getStatus() != LeadStatus.REVIEW_COMPLETED) {
                return false;
            }
            ReviewStatusDetails review = status.getReview();
            if (review == null) {
                throw new EventRejectedException("REVIEW_COMPLETED without review details");
            }
            if (review.getOutcome() != ReviewOutcome.CANDIDATE) {
                return false;
            }
            if (status.getLeadId() == null || status.getLeadId().isBlank()) {
                throw new EventRejectedException("leadId is blank");
            }
            return true;
        }

        /** Review outcomes are few; each is applied on its own, one after another. */
        @Override
        public void apply(List<Event<LeadStatusChanged>> events) {
            Event.each(events, event -> {
                ReviewStatusDetails review = event.value().getReview();
                matching.reviewFoundCandidate(event, event.value().getLeadId(),
                        new MatchTarget(review.getCondition(), review.getRecommendedProcedure()));
            });
        }
    }
}
