package com.leadflow.matching.matchmaking;

import com.leadflow.events.Procedure;
import com.leadflow.matching.db.LockConflicts;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.seeker.LeadFacts;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.MatchingPolicy;
import com.leadflow.matching.seeker.MatchingPolicy.Action;
import com.leadflow.matching.seeker.Seeker;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.matching.seeker.SeekerState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies what happens to a lead to its matching, following {@link MatchingPolicy}: the lead
 * arrives, a review finds the visitor a candidate, a wait-listed lead is tried again. Each step
 * locks the lead's row first, so a lead's events and sweeps never interleave.
 */
@Service
public class LeadMatching {

    static final String NO_CONSENT = "Not matched with a past patient: the visitor did not consent to be contacted";

    private static final Logger log = LoggerFactory.getLogger(LeadMatching.class);

    private final SeekerRepository seekers;
    private final MatchRepository matches;
    private final Matchmaker matchmaker;
    private final MatchStatusReporter status;
    private final Slots slots;
    private final TransactionalOperator tx;
    private final Clock clock;

    public LeadMatching(SeekerRepository seekers, MatchRepository matches, Matchmaker matchmaker,
            MatchStatusReporter status, Slots slots, TransactionalOperator tx, Clock clock) {
        this.seekers = seekers;
        this.matches = matches;
        this.matchmaker = matchmaker;
        this.status = status;
        this.slots = slots;
        this.tx = tx;
        this.clock = clock;
    }

    /** A lead was submitted. */
    public Mono<Void> leadSubmitted(LeadFacts lead) {
        Instant now = clock.instant();
        Seeker fresh = new Seeker(lead.leadId(), SeekerState.AWAITING_LEAD, false, false, lead.target(), null, null);
        return tx.transactional(seekers.insertIfAbsent(fresh, now)
                .then(seekers.lock(lead.leadId()))
                .flatMap(known -> {
                    Action action = MatchingPolicy.onLeadSubmitted(
                            known.profile() == null ? null : known.state(), lead.connectRequested(), lead.contactConsent());
                    // a review that came first wins over the visitor's own answers
                    Seeker arrived = new Seeker(lead.leadId(), known.state(), lead.connectRequested(),
                            lead.contactConsent(), lead.target().refinedBy(known.target()), lead.profile(), null);
                    return switch (action) {
                        case NOT_REQUESTED -> seekers.save(arrived.withState(SeekerState.NOT_REQUESTED, now), now);
                        case NOT_ELIGIBLE -> seekers.save(arrived.withState(SeekerState.NOT_ELIGIBLE, now), now)
                                .then(status.notEligible(lead.leadId(), NO_CONSENT));
                        case MATCH -> matchmaker.matchOrWaitlist(arrived).then();
                        default -> {
                            log.info("Lead {} already known to matching; nothing to do", lead.leadId());
                            yield Mono.<Void>empty();
                        }
                    };
                }));
    }

    /** A clinician's review found the visitor a candidate for {@code review}'s procedure and condition. */
    public Mono<Void> reviewFoundCandidate(String leadId, MatchTarget review) {
        Instant now = clock.instant();
        Seeker early = new Seeker(leadId, SeekerState.AWAITING_LEAD, false, false, review, null, null);
        return tx.transactional(seekers.insertIfAbsent(early, now)
                .then(seekers.lock(leadId))
                .flatMap(known -> matchedProcedure(known).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(matched -> {
                            Seeker refined = known.withTarget(known.target().refinedBy(review));
                            Action action = MatchingPolicy.onReviewFoundCandidate(
                                    known.profile() == null ? null : known.state(), matched.orElse(null),
                                    review.procedure());
                            return switch (action) {
                                case MATCH -> matchmaker.matchOrWaitlist(refined).then();
                                case REMATCH -> rematch(refined, now);
                                default -> seekers.save(refined, now);
                            };
                        })));
    }

    /**
     * Matches the lead again on the review's procedure, ending its current match. When nobody with
     * that procedure is free, the current match stays: a conversation that shares the condition
     * beats none.
     */
    private Mono<Void> rematch(Seeker refined, Instant now) {
        return matchmaker.rank(refined).flatMap(ranked -> {
            if (ranked.isEmpty() || !ranked.get(0).sameProcedure()) {
                log.info("Lead {} keeps its match: nobody with the recommended procedure is free", refined.leadId());
                return seekers.save(refined, now);
            }
            return endCurrentMatch(refined.leadId(), now).then(matchmaker.proposeFirstFree(refined, ranked)).then();
        });
    }

    /** Tries a wait-listed lead again; does nothing if it is no longer waiting. */
    public Mono<Void> retryWaitlisted(String leadId) {
        return tx.transactional(seekers.lock(leadId)
                .filter(seeker -> seeker.state() == SeekerState.WAITLISTED)
                .flatMap(matchmaker::matchOrWaitlist)
                .then())
                .retryWhen(LockConflicts.retry());
    }

    /** The procedure of the lead's current match, or of its completed one; empty when none shares one. */
    private Mono<Procedure> matchedProcedure(Seeker seeker) {
        return matches.findByLead(seeker.leadId())
                .filter(m -> m.state().holdsCapacity() || m.state() == MatchState.COMPLETED)
                .next()
                .flatMap(m -> Mono.justOrEmpty(m.sharedProcedure()));
    }

    private Mono<Void> endCurrentMatch(String leadId, Instant now) {
        return matches.findHoldingCapacity(leadId)
                .flatMap(current -> {
                    Match ended = current.withState(current.state().supersede());
                    log.info("Match {} superseded by a review for lead {}", current.id(), leadId);
                    return matches.update(ended, now)
                            .then(slots.release(current.ambassadorId()));
                });
    }
}
