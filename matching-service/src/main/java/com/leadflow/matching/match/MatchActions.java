package com.leadflow.matching.match;

import com.leadflow.matching.db.LockConflicts;
import com.leadflow.matching.events.MatchStatusReporter;
import com.leadflow.matching.matchmaking.Matchmaker;
import com.leadflow.matching.matchmaking.Slots;
import com.leadflow.matching.seeker.Seeker;
import com.leadflow.matching.seeker.SeekerRepository;
import com.leadflow.matching.seeker.SeekerState;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happens to a match after it was proposed: the ambassador accepts or declines (a care
 * manager or admin records it for them), the conversation is completed with the visitor's
 * feedback, or the ambassador withdraws. A declined or withdrawn match is followed at once by a
 * proposal of someone else (or the wait-list); every ending gives the ambassador's slot back.
 */
@Service
public class MatchActions {

    private static final Logger log = LoggerFactory.getLogger(MatchActions.class);

    private final MatchRepository matches;
    private final SeekerRepository seekers;
    private final Matchmaker matchmaker;
    private final Slots slots;
    private final MatchStatusReporter status;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public MatchActions(MatchRepository matches, SeekerRepository seekers, Matchmaker matchmaker, Slots slots,
            MatchStatusReporter status, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.matches = matches;
        this.seekers = seekers;
        this.matchmaker = matchmaker;
        this.slots = slots;
        this.status = status;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Match> get(UUID id) {
        return tx.transactional(matches.findById(id).switchIfEmpty(Mono.error(new NotFoundException("Match not found")))
                .flatMap(m -> audit.record(AuditAction.VIEW, "match", id.toString()).thenReturn(m)));
    }

    public Flux<Match> forLead(String leadId) {
        return tx.transactional(audit.record(AuditAction.LIST, "lead", leadId)
                .thenMany(matches.findByLead(leadId)));
    }

    public Mono<Match> accept(UUID id) {
        return change(id, AuditAction.UPDATE, (match, seeker) -> {
            Match accepted = match.withState(match.state().accept());
            return matches.update(accepted, clock.instant()).then(status.accepted(accepted)).thenReturn(accepted);
        });
    }

    public Mono<Match> decline(UUID id) {
        return change(id, AuditAction.UPDATE, (match, seeker) -> {
            Match declined = match.withState(match.state().decline());
            return end(declined, seeker, declined.ambassadorDisplayName()
                    + " cannot take this conversation; looking for another past patient");
        });
    }

    public Mono<Match> complete(UUID id, Feedback feedback) {
        return change(id, AuditAction.COMPLETE, (match, seeker) -> {
            Match completed = match.completedWith(feedback);
            Instant now = clock.instant();
            return matches.update(completed, now)
                    .then(slots.release(completed.ambassadorId()))
                    .then(seekers.save(seeker.withState(SeekerState.CONNECTED, now), now))
                    .then(status.completed(completed))
                    .thenReturn(completed);
        });
    }

    /** The ambassador withdrew consent: the lead is matched with someone else. Not a person's action. */
    public Mono<Void> withdrawnByAmbassador(Match held) {
        return tx.transactional(seekers.lock(held.leadId())
                .flatMap(seeker -> matches.findById(held.id())
                        .filter(match -> match.state().holdsCapacity())
                        .flatMap(match -> end(match.withState(match.state().withdraw()), seeker,
                                match.ambassadorDisplayName() + " is no longer available; looking for another past patient")))
                .then())
                .retryWhen(LockConflicts.retry());
    }

    private Mono<Match> end(Match ended, Seeker seeker, String summary) {
        Instant now = clock.instant();
        log.info("Match {} ended as {}; matching lead {} again", ended.id(), ended.state(), ended.leadId());
        return matches.update(ended, now)
                .then(slots.release(ended.ambassadorId()))
                .then(status.declined(ended, summary))
                .then(matchmaker.matchOrWaitlist(seeker))
                .thenReturn(ended);
    }

    /** Locks the match's lead, reads the match again under that lock, audits, then applies the step. */
    private Mono<Match> change(UUID id, AuditAction action, BiFunction<Match, Seeker, Mono<Match>> step) {
        Function<Match, Mono<Match>> underLock = found -> seekers.lock(found.leadId())
                .flatMap(seeker -> matches.findById(id)
                        .flatMap(match -> audit.record(action, "match", id.toString())
                                .then(step.apply(match, seeker))));
        return tx.transactional(matches.findById(id)
                .switchIfEmpty(Mono.error(new NotFoundException("Match not found")))
                .flatMap(underLock))
                .retryWhen(LockConflicts.retry());
    }
}
