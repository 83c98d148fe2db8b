package com.leadflow.matching.matchmaking;

import com.leadflow.matching.ambassador.AmbassadorRepository;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.match.MatchRepository;
import com.leadflow.matching.match.MatchState;
import com.leadflow.matching.scoring.MatchScorer;
import com.leadflow.matching.scoring.ScoredAmbassador;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.Seeker;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.id.TimeOrderedUuid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds a lead an ambassador, or puts it on the wait-list. Runs inside the caller's R2DBC
 * transaction, with the lead's row locked: a care manager's action, or the sweep giving the leads of
 * an ambassador who withdrew someone else (the sweep tries wait-listed leads on JDBC). The
 * Kafka consumers follow the same rules blocking on JDBC ({@link PollMatchmaker}); what both need
 * beyond the scorer ({@link #excluded}, {@link #proposal}, the wait-list's words) is written here once.
 *
 * <p>The best-ranked ambassador is tried first; when another lead took that ambassador's last slot
 * in the meantime, the next one is tried, and so on. Ambassadors the visitor was declined by, or
 * who withdrew, are not proposed again.
 */
@Component
public class Matchmaker {

    static final String NOTHING_TO_MATCH_ON =
            "Waiting for the review's findings: the visitor named no specific condition or procedure to match on";
    static final String NOBODY_FREE =
            "On the wait-list: no past patient who shares the condition or procedure has a free slot yet";

    private static final Logger log = LoggerFactory.getLogger(Matchmaker.class);

    private final AmbassadorRepository ambassadors;
    private final SeekerRepository seekers;
    private final MatchRepository matches;
    private final MatchStatusReporter status;
    private final MatchScorer scorer = new MatchScorer();
    private final Clock clock;

    public Matchmaker(AmbassadorRepository ambassadors, SeekerRepository seekers, MatchRepository matches,
            MatchStatusReporter status, Clock clock) {
        this.ambassadors = ambassadors;
        this.seekers = seekers;
        this.matches = matches;
        this.status = status;
        this.clock = clock;
    }

    /** Proposes the best free ambassador for the lead, or wait-lists it; returns the lead as saved. */
    public Mono<Seeker> matchOrWaitlist(Seeker seeker) {
        MatchTarget target = seeker.target();
        if (!target.namesSomethingToShare()) {
            return waitlist(seeker, NOTHING_TO_MATCH_ON);
        }
        return rank(seeker).flatMap(ranked -> proposeFirstFree(seeker, ranked));
    }

    /** The ambassadors who could be proposed to the lead now, best first. */
    public Mono<List<ScoredAmbassador>> rank(Seeker seeker) {
        MatchTarget target = seeker.target();
        return excludedFor(seeker.leadId())
                .flatMap(excluded -> ambassadors
                        .findAvailableSharing(target.specificProcedure(), target.specificCondition())
                        .collectList()
                        .map(available -> scorer.rank(target, seeker.profile(), available, excluded)));
    }

    /** Proposes the first of {@code ranked} who still has a free slot, or wait-lists the lead. */
    public Mono<Seeker> proposeFirstFree(Seeker seeker, List<ScoredAmbassador> ranked) {
        return proposeFirstFree(seeker, ranked, 0);
    }

    private Mono<Set<UUID>> excludedFor(String leadId) {
        return matches.findByLead(leadId).collectList().map(Matchmaker::excluded);
    }

    /** The ambassadors a lead is not proposed again: who declined the visitor, or withdrew. */
    static Set<UUID> excluded(List<Match> matchesOfLead) {
        return matchesOfLead.stream()
                .filter(m -> m.state() == MatchState.DECLINED || m.state() == MatchState.WITHDRAWN)
                .map(Match::ambassadorId)
                .collect(Collectors.toSet());
    }

    private Mono<Seeker> proposeFirstFree(Seeker seeker, List<ScoredAmbassador> ranked, int next) {
        if (next >= ranked.size()) {
            return waitlist(seeker, NOBODY_FREE);
        }
        ScoredAmbassador candidate = ranked.get(next);
        Instant now = clock.instant();
        return ambassadors.takeSlot(candidate.ambassador().id(), now).flatMap(taken -> {
            if (!taken) {
                log.info("Ambassador {} has no free slot any more; trying the next for lead {}",
                        candidate.ambassador().id(), seeker.leadId());
                return proposeFirstFree(seeker, ranked, next + 1);
            }
            return propose(seeker, candidate, now);
        });
    }

    private Mono<Seeker> propose(Seeker seeker, ScoredAmbassador chosen, Instant now) {
        Match match = proposal(seeker, chosen, now);
        Seeker matched = seeker.withState(SeekerState.MATCHED, now);
        return matches.insert(match, now)
                .then(seekers.save(matched, now))
                .then(status.proposed(match))
                .thenReturn(matched);
    }

    /** The match proposed when {@code chosen}'s slot was taken for the lead. */
    static Match proposal(Seeker seeker, ScoredAmbassador chosen, Instant now) {
        var a = chosen.ambassador();
        Match match = new Match(TimeOrderedUuid.next(), seeker.leadId(), a.id(), a.displayName(), MatchState.PROPOSED,
                chosen.sameCondition() ? a.condition() : null, chosen.sameProcedure() ? a.procedure() : null,
                chosen.reasons(), now, null);
        // the lead's one INFO line is intake's; per-lead lines here cost every lead a log write
        log.debug("Lead {} matched with ambassador {} (match {})", seeker.leadId(), a.id(), match.id());
        return match;
    }

    private Mono<Seeker> waitlist(Seeker seeker, String why) {
        Instant now = clock.instant();
        Seeker waiting = seeker.withState(SeekerState.WAITLISTED, now);
        Mono<Void> saved = seekers.save(waiting, now);
        if (seeker.state() == SeekerState.WAITLISTED) {
            // still waiting: the timeline already says so
            return saved.thenReturn(waiting);
        }
        log.debug("Lead {} wait-listed", seeker.leadId());
        return saved.then(status.waitlisted(seeker.leadId(), why)).thenReturn(waiting);
    }
}
