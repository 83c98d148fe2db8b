package com.leadflow.matching.ambassador;

import com.leadflow.matching.matchmaking.SweepRequests;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.id.TimeOrderedUuid;
import com.leadflow.platform.web.ConflictException;
import com.leadflow.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry of ambassadors. Every change that can give a wait-listed visitor someone to talk
 * to (a new ambassador, a resumed one, more conversations) asks for the wait-list to be tried
 * again. Retiring is final: consent was withdrawn, so the ambassador is never matched again and
 * the visitors they were talking to are matched with someone else.
 */
@Service
public class AmbassadorRegistry {

    private static final Logger log = LoggerFactory.getLogger(AmbassadorRegistry.class);
    private static final String SUBJECT = "ambassador";

    private final AmbassadorRepository ambassadors;
    private final SweepRequests sweeps;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    public AmbassadorRegistry(AmbassadorRepository ambassadors, SweepRequests sweeps, AuditLog audit,
            TransactionalOperator tx, Clock clock) {
        this.ambassadors = ambassadors;
        this.sweeps = sweeps;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Ambassador> all() {
        return tx.transactional(audit.record(AuditAction.LIST, SUBJECT, "*").thenMany(ambassadors.findAll()));
    }

    public Mono<Ambassador> get(UUID id) {
        return tx.transactional(existing(id).flatMap(a -> audit.record(AuditAction.VIEW, SUBJECT, id.toString()).thenReturn(a)));
    }

    public Mono<Ambassador> add(AmbassadorForm form) {
        return Mono.fromSupplier(() -> form.toAmbassador(TimeOrderedUuid.next(), AmbassadorStatus.ACTIVE, 0, today()))
                .flatMap(a -> tx.transactional(ambassadors.insert(a, clock.instant())
                        .then(audit.record(AuditAction.CREATE, SUBJECT, a.id().toString()))
                        .then(sweeps.afterCommit())
                        .then(ambassadors.findById(a.id()))))
                .doOnNext(a -> log.info("Ambassador {} joined", a.id()));
    }

    /** Adds an ambassador with a known id unless one exists: the local stack's synthetic set. */
    public Mono<Void> seed(UUID id, AmbassadorForm form) {
        return Mono.fromSupplier(() -> form.toAmbassador(id, AmbassadorStatus.ACTIVE, 0, today()))
                .flatMap(a -> tx.transactional(ambassadors.insert(a, clock.instant()).then(sweeps.afterCommit())));
    }

    public Mono<Ambassador> update(UUID id, AmbassadorForm form) {
        return tx.transactional(existing(id).flatMap(current -> {
            Ambassador changed = form.toAmbassador(id, current.status(), current.activeMatches(), today());
            return ambassadors.updateProfile(changed, clock.instant())
                    .flatMap(rows -> rows == 0 ? Mono.error(retired()) : Mono.just(rows))
                    .then(audit.record(AuditAction.UPDATE, SUBJECT, id.toString()))
                    .then(sweeps.afterCommit())
                    .then(ambassadors.findById(id));
        }));
    }

    public Mono<Ambassador> pause(UUID id) {
        return changeStatus(id, AmbassadorStatus.PAUSED);
    }

    public Mono<Ambassador> resume(UUID id) {
        return changeStatus(id, AmbassadorStatus.ACTIVE);
    }

    /** Consent withdrawn: never matched again; the sweep gives their visitors someone else. */
    public Mono<Ambassador> retire(UUID id) {
        return changeStatus(id, AmbassadorStatus.RETIRED);
    }

    private Mono<Ambassador> changeStatus(UUID id, AmbassadorStatus status) {
        return tx.transactional(existing(id)
                .flatMap(current -> ambassadors.changeStatus(id, status, clock.instant()))
                .flatMap(rows -> rows == 0 ? Mono.error(retired()) : Mono.just(rows))
                .then(audit.record(AuditAction.UPDATE, SUBJECT, id.toString()))
                .then(sweeps.afterCommit())
                .then(ambassadors.findById(id)))
                .doOnNext(a -> log.info("Ambassador {} is now {}", id, status));
    }

    private Mono<Ambassador> existing(UUID id) {
        return ambassadors.findById(id).switchIfEmpty(Mono.error(new NotFoundException("Ambassador not found")));
    }

    private static ConflictException retired() {
        return new ConflictException("The ambassador retired (consent withdrawn) and cannot be changed");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
