package com.leadflow.matching.matchmaking;

import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.JdbcAmbassadors;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.match.JdbcMatches;
import com.leadflow.matching.match.Match;
import com.leadflow.matching.scoring.MatchScorer;
import com.leadflow.matching.scoring.ScoredAmbassador;
import com.leadflow.matching.seeker.JdbcSeekers;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.Seeker;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.consumer.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link Matchmaker}'s rules for the Kafka consumers: blocking, on JDBC, in the poll's transaction,
 * with the leads' rows locked. A poll's leads are matched in a {@link Round}, one after another in
 * their order, against one read of their earlier matches and one read of the free ambassadors who
 * share something with any of them, instead of two reads per lead. The round keeps that view up
 * to date as it takes slots; each slot is still taken with the conditional update, so a lead racing
 * another instance or a care manager for a last slot loses it as before and the next best is tried.
 * The round writes the new matches and the leads' new states together when it is finished.
 */
@Component
public class PollMatchmaker {

    private static final Logger log = LoggerFactory.getLogger(PollMatchmaker.class);

    private final JdbcAmbassadors ambassadors;
    private final JdbcSeekers seekers;
    private final JdbcMatches matches;
    private final MatchStatusReporter status;
    private final MatchScorer scorer = new MatchScorer();
    private final Clock clock;

    public PollMatchmaker(JdbcAmbassadors ambassadors, JdbcSeekers seekers, JdbcMatches matches,
            MatchStatusReporter status, Clock clock) {
        this.ambassadors = ambassadors;
        this.seekers = seekers;
        this.matches = matches;
        this.status = status;
        this.clock = clock;
    }

    /**
     * A round for leads that differ from one another.
     *
     * @param toMatch the leads that may be matched in it, for the one read of the ambassadors they could meet
     * @param earlier the leads' matches so far, when the caller read them already; null to read them when needed
     */
    public Round round(List<Seeker> toMatch, Map<String, List<Match>> earlier) {
        return new Round(toMatch.stream().map(Seeker::target).toList(), earlier,
                toMatch.stream().map(Seeker::leadId).toList());
    }

    /** Matching some leads of one poll; {@link #finish} writes what it decided. */
    public final class Round {

        private final List<MatchTarget> targets;
        private final List<String> leads;
        private Map<String, List<Match>> earlier;
        private Map<UUID, Ambassador> free;
        private final List<Match> proposed = new ArrayList<>();
        private final Map<String, JdbcSeekers.Change> changes = new LinkedHashMap<>();

        private Round(List<MatchTarget> targets, Map<String, List<Match>> earlier, List<String> leads) {
            this.targets = targets;
            this.earlier = earlier;
            this.leads = leads;
        }

        /** Proposes the best free ambassador for the lead, or wait-lists it; returns the lead as saved. */
        public Seeker matchOrWaitlist(Event<?> cause, Seeker seeker) {
            if (!seeker.target().namesSomethingToShare()) {
                return waitlist(cause, seeker, Matchmaker.NOTHING_TO_MATCH_ON);
            }
            return proposeFirstFree(cause, seeker, rank(seeker));
        }

        /** The ambassadors who could be proposed to the lead now, best first. */
        public List<ScoredAmbassador> rank(Seeker seeker) {
            if (earlier == null) {
                earlier = leads.isEmpty() ? Map.of() : matches.byLead(leads);
            }
            if (free == null) {
                free = new LinkedHashMap<>();
                if (!targets.isEmpty()) {
                    ambassadors.findAvailableSharing(targets).forEach(a -> free.put(a.id(), a));
                }
            }
            MatchTarget target = seeker.target();
            // whom AmbassadorRepository.findAvailableSharing would return for this lead alone
            List<Ambassador> sharing = free.values().stream()
                    .filter(Ambassador::canTakeNewConversation)
                    .filter(a -> a.procedure() == target.specificProcedure() || a.condition() == target.specificCondition())
                    .toList();
            return scorer.rank(target, seeker.profile(), sharing,
                    Matchmaker.excluded(earlier.getOrDefault(seeker.leadId(), List.of())));
        }

        /** Proposes the first of {@code ranked} who still has a free slot, or wait-lists the lead. */
        public Seeker proposeFirstFree(Event<?> cause, Seeker seeker, List<ScoredAmbassador> ranked) {
            for (ScoredAmbassador candidate : ranked) {
                Instant now = clock.instant();
                UUID id = candidate.ambassador().id();
                if (ambassadors.takeSlot(id, now)) {
                    if (free != null) {
                        free.computeIfPresent(id, (same, a) -> a.withSlotTaken(now));
                    }
                    Match match = Matchmaker.proposal(seeker, candidate, now);
                    Seeker matched = seeker.withState(SeekerState.MATCHED, now);
                    proposed.add(match);
                    save(matched, now);
                    status.proposed(cause, match);
                    return matched;
                }
                log.info("Ambassador {} has no free slot any more; trying the next for lead {}", id, seeker.leadId());
                // someone else took it: later leads of the poll would not find it free either
                if (free != null) {
                    free.remove(id);
                }
            }
            return waitlist(cause, seeker, Matchmaker.NOBODY_FREE);
        }

        private Seeker waitlist(Event<?> cause, Seeker seeker, String why) {
            Instant now = clock.instant();
            Seeker waiting = seeker.withState(SeekerState.WAITLISTED, now);
            save(waiting, now);
            if (seeker.state() != SeekerState.WAITLISTED) {
                // a lead still waiting is not reported again: the timeline already says so
                log.debug("Lead {} wait-listed", seeker.leadId());
                status.waitlisted(cause, seeker.leadId(), why);
            }
            return waiting;
        }

        /** Saves the lead as it is now, when the round finishes. */
        public void save(Seeker seeker, Instant now) {
            changes.put(seeker.leadId(), new JdbcSeekers.Change(seeker, now));
        }

        /** Writes the round's new matches, then the leads' new states. */
        public void finish() {
            matches.insert(proposed);
            seekers.save(List.copyOf(changes.values()));
        }
    }
}
