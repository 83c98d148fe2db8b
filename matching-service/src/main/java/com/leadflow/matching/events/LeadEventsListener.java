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
import com.leadflow.platform.consumer.ReactivePollHandler;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Where leads and review outcomes reach matching ({@code matching.leads.submitted},
 * {@code matching.leads.status}). The platform applies each event once, a poll per transaction,
 * with the matching it causes and the status events that report it.
 */
@Configuration(proxyBeanMethods = false)
public class LeadEventsListener {

    @Bean
    ReactivePollHandler<LeadSubmitted> leadSubmittedHandler(LeadMatching matching, Clock clock) {
        return ReactivePollHandler.each(Topics.LEADS_SUBMITTED,
                event -> matching.leadSubmitted(LeadTranslator.facts(event.value(), LocalDate.now(clock))));
    }

    @Bean
    ReactivePollHandler<LeadStatusChanged> reviewOutcomeHandler(LeadMatching matching) {
        return new ReviewOutcomes(matching);
    }

    /** Only completed reviews that found a candidate matter here; the rest (matching's own reports too) are skipped. */
    private record ReviewOutcomes(LeadMatching matching) implements ReactivePollHandler<LeadStatusChanged> {

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

        @Override
        public Mono<?> apply(List<Event<LeadStatusChanged>> events) {
            return Event.eachReactive(events, event -> {
                ReviewStatusDetails review = event.value().getReview();
                return matching.reviewFoundCandidate(event.value().getLeadId(),
                        new MatchTarget(review.getCondition(), review.getRecommendedProcedure()));
            });
        }
    }
}
