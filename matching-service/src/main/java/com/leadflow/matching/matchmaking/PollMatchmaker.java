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
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * {@link Matchmaker}'s rules for the Kafka consumers: blocking, on JDBC, in the poll's transaction,
 * with the leads' rows locked. A poll's leads are matched in a {@link Round}, one after another in
 * their order, against one read of their earlier matches and one read of the free ambassadors who
 * share something with any of them, instead of two reads per lead. The round keeps that view up
 * to date as it chooses slots, and takes them when it finishes: one conditional update per
 * ambassador, all in one batch (a round of one lead takes its slot at once, as {@link Matchmaker}
 * does). So the database never lets an ambassador be overfilled, and a round that lost a race for
 * a slot is applied again lead by lead. The new matches and the leads' new states are written
 * together at the round's end.
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

    /** How many slots of an ambassador a round chose, and when it chose the last. */
    private record ChosenSlots(int count, Instant last) {
    }

    /** Matching some leads of one poll; {@link #finish} writes what it decided. */
    public final class Round {

        private final List<MatchTarget> targets;
        private final List<String> leads;
        private Map<String, List<Match>> earlier;
        private Map<UUID, Ambassador> free;
        private final boolean together;
        private final Map<UUID, ChosenSlots> chosenSlots = new TreeMap<>();
        private final List<Match> proposed = new ArrayList<>();
        private final Map<String, JdbcSeekers.Change> changes = new LinkedHashMap<>();

        private Round(List<MatchTarget> targets, Map<String, List<Match>> earlier, List<String> leads) {
            this.targets = targets;
            this.earlier = earlier;
            this.leads = leads;
            this.together = leads.size() > 1;
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

        /**
         * Proposes the first of {@code ranked} who still has a free slot, or wait-lists the lead. A
         * round of one lead takes the slot at once, trying the next ambassador when someone else got
         * there first. A round of many leads takes the slots it chose when it finishes, one statement
         * per ambassador, in one batch.
         */
        public Seeker proposeFirstFree(Event<?> cause, Seeker seeker, List<ScoredAmbassador> ranked) {
            if (together && !ranked.isEmpty()) {
                // ranked from the round's view, which counts the slots the round chose before
                ScoredAmbassador chosen = ranked.get(0);
                Instant now = clock.instant();
                chosenSlots.merge(chosen.ambassador().id(), new ChosenSlots(1, now), (before, more) -> new ChosenSlots(
                        before.count() + 1, more.last()));
                return propose(cause, seeker, chosen, now);
            }
            for (ScoredAmbassador candidate : ranked) {
                Instant now = clock.instant();
                UUID id = candidate.ambassador().id();
                if (ambassadors.takeSlots(id, 1, now)) {
                    return propose(cause, seeker, candidate, now);
                }
                log.info("Ambassador {} has no free slot any more; trying the next for lead {}", id, seeker.leadId());
                // someone else took it: later leads of the poll would not find it free either
                if (free != null) {
                    free.remove(id);
                }
            }
            return waitlist(cause, seeker, Matchmaker.NOBODY_FREE);
        }

        private Seeker propose(Event<?> cause, Seeker seeker, ScoredAmbassador chosen, Instant now) {
            if (free != null) {
                free.computeIfPresent(chosen.ambassador().id(), (id, a) -> a.withSlotTaken(now));
            }
            Match match = Matchmaker.proposal(seeker, chosen, now);
            Seeker matched = seeker.withState(SeekerState.MATCHED, now);
            proposed.add(match);
            save(matched, now);
            status.proposed(cause, match);
            return matched;
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

        /**
         * Takes the slots the round chose in one batch (in the order of the ambassadors' ids, so that
         * transactions taking slots of the same ambassadors queue rather than deadlock), then writes the new matches
         * and the leads' new states. Should another transaction have taken some of those slots since
         * the round read the ambassadors, the round fails as a whole: it rolls back, and the platform
         * applies the poll's events again one per transaction, each lead in a round of its own.
         */
        public void finish() {
            List<JdbcAmbassadors.SlotsToTake> takes = chosenSlots.entrySet().stream()
                    .map(e -> new JdbcAmbassadors.SlotsToTake(e.getKey(), e.getValue().count(), e.getValue().last()))
                    .toList();
            if (!ambassadors.takeSlots(takes)) {
                throw new ConcurrencyFailureException("Slots of an ambassador this poll chose were taken meanwhile; "
                        + "the poll is applied again one lead at a time");
            }
            matches.insert(proposed);
            seekers.save(List.copyOf(changes.values()));
        }
    }
}
