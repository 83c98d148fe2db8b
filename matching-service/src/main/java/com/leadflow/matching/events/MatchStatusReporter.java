package com.leadflow.matching.events;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.MatchDetails;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.matching.match.Match;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells the rest of the practice how matching went with a lead, on {@code leads.status} through the
 * outbox, so each event commits with the change it reports. Summaries are plain words without
 * patient data; the match's details ride in {@link MatchDetails}.
 */
@Component
public class MatchStatusReporter {

    private final Outbox outbox;
    private final Clock clock;

    public MatchStatusReporter(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Void> proposed(Match match) {
        return report(match.leadId(), LeadStatus.MATCH_PROPOSED,
                "Proposed a conversation with past patient " + match.ambassadorDisplayName(), match);
    }

    public Mono<Void> accepted(Match match) {
        return report(match.leadId(), LeadStatus.MATCH_ACCEPTED,
                match.ambassadorDisplayName() + " agreed to talk with the visitor", match);
    }

    public Mono<Void> declined(Match match, String summary) {
        return report(match.leadId(), LeadStatus.MATCH_DECLINED, summary, match);
    }

    public Mono<Void> completed(Match match) {
        return report(match.leadId(), LeadStatus.MATCH_COMPLETED,
                "The visitor talked with " + match.ambassadorDisplayName() + " and rated the conversation "
                        + match.feedback().rating() + " of 5", match);
    }

    public Mono<Void> waitlisted(String leadId, String why) {
        return report(leadId, LeadStatus.MATCH_WAITLISTED, why, null);
    }

    /**
     * From a lead consumer's poll transaction (JDBC): the report names the event that caused it; or
     * from the wait-list sweep's (JDBC), {@code cause} null.
     */
    public void proposed(Event<?> cause, Match match) {
        add(cause, match.leadId(), LeadStatus.MATCH_PROPOSED,
                "Proposed a conversation with past patient " + match.ambassadorDisplayName(), match);
    }

    /** From a lead consumer's poll transaction (JDBC): the report names the event that caused it. */
    public void waitlisted(Event<?> cause, String leadId, String why) {
        add(cause, leadId, LeadStatus.MATCH_WAITLISTED, why, null);
    }

    /** From a lead consumer's poll transaction (JDBC): the report names the event that caused it. */
    public void notEligible(Event<?> cause, String leadId, String why) {
        add(cause, leadId, LeadStatus.MATCH_NOT_ELIGIBLE, why, null);
    }

    /** Reactive, in the R2DBC transaction of an HTTP request. */
    private Mono<Void> report(String leadId, LeadStatus status, String summary, Match match) {
        return outbox.record(Topics.LEADS_STATUS, leadId, event(leadId, status, summary, match)).then();
    }

    /**
     * Blocking, in the JDBC transaction of a consumer's poll, or of the wait-list sweep ({@code cause}
     * null: no event caused it, so the report carries no correlation id or trace).
     */
    private void add(Event<?> cause, String leadId, LeadStatus status, String summary, Match match) {
        LeadStatusChanged event = event(leadId, status, summary, match);
        if (cause == null) {
            outbox.add(Topics.LEADS_STATUS, leadId, event, null, null);
        } else {
            outbox.add(cause, Topics.LEADS_STATUS, leadId, event);
        }
    }

    private LeadStatusChanged event(String leadId, LeadStatus status, String summary, Match match) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(leadId)
                .setOccurredAt(clock.instant())
                .setReporter(Reporter.MATCHING)
                .setStage(Stage.MATCHING)
                .setStatus(status)
                .setSummary(summary)
                .setMatch(match == null ? null : details(match))
                .build();
    }

    private static MatchDetails details(Match match) {
        return MatchDetails.newBuilder()
                .setMatchId(match.id().toString())
                .setAmbassadorId(match.ambassadorId().toString())
                .setAmbassadorDisplayName(match.ambassadorDisplayName())
                .setSharedCondition(match.sharedCondition())
                .setSharedProcedure(match.sharedProcedure())
                .setReasons(match.reasons())
                .setFeedbackRating(match.feedback() == null ? null : match.feedback().rating())
                .build();
    }
}
