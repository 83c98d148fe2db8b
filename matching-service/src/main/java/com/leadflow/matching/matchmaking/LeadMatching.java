package com.leadflow.matching.matchmaking;

import com.leadflow.events.Procedure;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.match.JdbcMatches;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.seeker.JdbcSeekers;
import com.leadflow.matching.seeker.LeadFacts;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.MatchingPolicy;
import com.leadflow.matching.seeker.MatchingPolicy.Action;
import com.leadflow.matching.seeker.Seeker;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Applies what happens to a lead to its matching, following {@link MatchingPolicy}: the lead
 * arrives, a review finds the visitor a candidate, a wait-listed lead is tried again. Each step
 * locks the lead's row first, so a lead's events and sweeps never interleave.
 *
 * <p>The lead's events come from Kafka consumers and are applied blocking, on JDBC, in the poll's
 * transaction; the wait-list sweep tries leads again the same way, in a transaction of its own.
 * Both follow {@link PollMatchmaker}'s rules.
 */
@Service
public class LeadMatching {

    static final String NO_CONSENT = "Not matched with a past patient: the visitor did not consent to be contacted";

    private static final Logger log = LoggerFactory.getLogger(LeadMatching.class);

    private final JdbcSeekers seekers;
    private final JdbcMatches matches;
    private final PollMatchmaker pollMatchmaker;
    private final MatchStatusReporter status;
    private final Slots slots;
    private final ConsumerDatabase consumers;
    private final Clock clock;

    public LeadMatching(JdbcSeekers seekers, JdbcMatches matches, PollMatchmaker pollMatchmaker,
            MatchStatusReporter status, Slots slots, ConsumerDatabase consumers, Clock clock) {
        this.seekers = seekers;
        this.matches = matches;
        this.pollMatchmaker = pollMatchmaker;
        this.status = status;
        this.slots = slots;
        this.consumers = consumers;
        this.clock = clock;
    }

    /** A submitted lead as matching reads it, with the event that brought it (its reports name that event). */
    public record Arrival(Event<?> cause, LeadFacts lead) {
    }

    /**
     * Leads were submitted, in this order. The poll's leads are locked and matched together (see
     * {@link PollMatchmaker}); a lead that comes twice starts a new group, so that its second event
     * sees what its first one did, as when applied one by one.
     */
    public void leadsSubmitted(List<Arrival> arrivals) {
        List<Arrival> group = new ArrayList<>();
        Set<String> leads = new HashSet<>();
        for (Arrival arrival : arrivals) {
            if (!leads.add(arrival.lead().leadId())) {
                arrive(group);
                group.clear();
                leads.clear();
                leads.add(arrival.lead().leadId());
            }
            group.add(arrival);
        }
        arrive(group);
    }

    /** Leads that differ from one another arrived. */
    private void arrive(List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Seeker> fresh = arrivals.stream().map(arrival -> {
            LeadFacts lead = arrival.lead();
            return new Seeker(lead.leadId(), SeekerState.AWAITING_LEAD, false, false, lead.target(), null, null);
        }).toList();
        boolean allNew = seekers.insertIfAbsent(fresh, now) == fresh.size();
        // Rows this transaction just added are as it wrote them, and no one else sees them before it commits:
        // only when matching knew some lead already are the rows read (and locked). A lead new to matching has
        // no matches either (a match refers to its lead's row).
        Map<String, Seeker> locked = allNew
                ? fresh.stream().collect(Collectors.toMap(Seeker::leadId, seeker -> seeker))
                : seekers.lock(fresh.stream().map(Seeker::leadId).toList());
        List<Decided> decided = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            LeadFacts lead = arrival.lead();
            Seeker known = locked.get(lead.leadId());
            Action action = MatchingPolicy.onLeadSubmitted(
                    known.profile() == null ? null : known.state(), lead.connectRequested(), lead.contactConsent());
            // a review that came first wins over the visitor's own answers
            Seeker arrived = new Seeker(lead.leadId(), known.state(), lead.connectRequested(), lead.contactConsent(),
                    lead.target().refinedBy(known.target()), lead.profile(), null);
            decided.add(new Decided(arrival.cause(), action, arrived));
        }
        PollMatchmaker.Round round = pollMatchmaker.round(
                decided.stream().filter(d -> d.action() == Action.MATCH).map(Decided::arrived).toList(),
                allNew ? Map.of() : null);
        for (Decided d : decided) {
            d.cause().withMdc(() -> {
                Seeker arrived = d.arrived();
                switch (d.action()) {
                    case NOT_REQUESTED -> round.save(arrived.withState(SeekerState.NOT_REQUESTED, now), now);
                    case NOT_ELIGIBLE -> {
                        round.save(arrived.withState(SeekerState.NOT_ELIGIBLE, now), now);
                        status.notEligible(d.cause(), arrived.leadId(), NO_CONSENT);
                    }
                    case MATCH -> round.matchOrWaitlist(d.cause(), arrived);
                    default -> log.info("Lead {} already known to matching; nothing to do", arrived.leadId());
                }
            });
        }
        round.finish();
    }

    private record Decided(Event<?> cause, Action action, Seeker arrived) {
    }

    /** A clinician's review found the visitor a candidate for {@code review}'s procedure and condition. */
    public void reviewFoundCandidate(Event<?> cause, String leadId, MatchTarget review) {
        Instant now = clock.instant();
        Seeker early = new Seeker(leadId, SeekerState.AWAITING_LEAD, false, false, review, null, null);
        seekers.insertIfAbsent(List.of(early), now);
        Seeker known = seekers.lock(List.of(leadId)).get(leadId);
        List<Match> matchesOfLead = matches.byLead(List.of(leadId)).getOrDefault(leadId, List.of());
        Seeker refined = known.withTarget(known.target().refinedBy(review));
        Action action = MatchingPolicy.onReviewFoundCandidate(known.profile() == null ? null : known.state(),
                matchedProcedure(matchesOfLead), review.procedure());
        PollMatchmaker.Round round = pollMatchmaker.round(List.of(refined), Map.of(leadId, matchesOfLead));
        switch (action) {
            case MATCH -> round.matchOrWaitlist(cause, refined);
            case REMATCH -> rematch(cause, round, refined, matchesOfLead, now);
            default -> round.save(refined, now);
        }
        round.finish();
    }

    /**
     * Matches the lead again on the review's procedure, ending its current match. When nobody with
     * that procedure is free, the current match stays: a conversation that shares the condition
     * beats none.
     */
    private void rematch(Event<?> cause, PollMatchmaker.Round round, Seeker refined, List<Match> matchesOfLead,
            Instant now) {
        var ranked = round.rank(refined);
        if (ranked.isEmpty() || !ranked.get(0).sameProcedure()) {
            log.info("Lead {} keeps its match: nobody with the recommended procedure is free", refined.leadId());
            round.save(refined, now);
            return;
        }
        matchesOfLead.stream().filter(m -> m.state().holdsCapacity()).findFirst().ifPresent(current -> {
            Match ended = current.withState(current.state().supersede());
            log.info("Match {} superseded by a review for lead {}", current.id(), refined.leadId());
            matches.update(ended, now);
            slots.releaseInPoll(current.ambassadorId());
        });
        round.proposeFirstFree(cause, refined, ranked);
    }

    /**
     * Tries wait-listed leads again (the sweep), blocking, on JDBC, by the rules the consumers
     * follow: the leads still waiting are locked and matched in one round. A lead the round finds
     * nobody for stays as it is, unwritten and unreported: it is still waiting, and the timeline
     * says so already. When the round lost a race for a slot it is rolled back and each lead is
     * tried in a transaction of its own; a lead that fails alone waits for the next sweep.
     */
    public void retryWaitlisted(List<String> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        try {
            consumers.inTransaction(() -> retry(leadIds));
        } catch (ConcurrencyFailureException e) {
            for (String leadId : leadIds) {
                try {
                    consumers.inTransaction(() -> retry(List.of(leadId)));
                } catch (TransientDataAccessException alone) {
                    // the exception class only: its message may quote data
                    log.warn("Wait-list retry of lead {} skipped until the next sweep: {}", leadId,
                            alone.getClass().getSimpleName());
                }
            }
        }
    }

    private void retry(List<String> leadIds) {
        List<Seeker> waiting = seekers.lock(leadIds).values().stream()
                .filter(seeker -> seeker.state() == SeekerState.WAITLISTED)
                .filter(seeker -> seeker.target().namesSomethingToShare())
                .sorted(Comparator.comparing(Seeker::waitlistedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Seeker::leadId))
                .toList();
        PollMatchmaker.Round round = pollMatchmaker.round(waiting, null);
        for (Seeker seeker : waiting) {
            var ranked = round.rank(seeker);
            if (!ranked.isEmpty()) {
                // no event caused this: the reports carry no correlation id, as the sweep's always did
                round.proposeFirstFree(null, seeker, ranked);
            }
        }
        round.finish();
    }

    /** The procedure of the lead's current match, or of its completed one; null when none shares one. */
    private static Procedure matchedProcedure(List<Match> matchesOfLead) {
        return matchesOfLead.stream()
                .filter(m -> m.state().holdsCapacity() || m.state() == MatchState.COMPLETED)
                .findFirst()
                .map(Match::sharedProcedure)
                .orElse(null);
    }
}
