package com.leadflow.intake.submit;

import com.leadflow.events.ImagingReference;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.DisclosureCatalog;
import com.leadflow.intake.evidence.RequestOrigin;
import com.leadflow.intake.imaging.ImagingRecords;
import com.leadflow.intake.imaging.StoredImaging;
import com.leadflow.intake.lead.LeadRequest;
import com.leadflow.intake.lead.LeadValidator;
import com.leadflow.intake.lead.ValidLead;
import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.LeadChanges;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a valid submission into a durable lead: the lead row, its first timeline entry and its
 * {@code LeadSubmitted} event commit in one transaction, so nothing acknowledged is ever lost.
 * A retried request with the same Idempotency-Key gets the first answer and creates nothing; a
 * lead whose email or phone matches a recent lead is kept and linked to it, never dropped.
 */
@Service
public class SubmitLead {

    private static final Logger log = LoggerFactory.getLogger(SubmitLead.class);

    private final LeadValidator validator;
    private final LeadStore store;
    private final ImagingRecords imaging;
    private final Timeline timeline;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final DisclosureCatalog disclosures;
    private final JsonMapper json;
    private final Clock clock;
    private final SubmissionProperties properties;
    private final LeadChanges changes;

    SubmitLead(LeadValidator validator, LeadStore store, ImagingRecords imaging, Timeline timeline, Outbox outbox,
            AuditLog audit, TransactionalOperator tx, DisclosureCatalog disclosures, JsonMapper json, Clock clock,
            SubmissionProperties properties, LeadChanges changes) {
        this.changes = changes;
        this.validator = validator;
        this.store = store;
        this.imaging = imaging;
        this.timeline = timeline;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.disclosures = disclosures;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    public Mono<SubmittedLead> submit(LeadRequest request, String idempotencyKey, RequestOrigin origin) {
        return Mono.defer(() -> {
            ValidLead lead = validator.validate(request);
            UUID leadId = UUID.randomUUID();
            Instant now = clock.instant();
            Mono<SubmittedLead> once;
            if (idempotencyKey == null) {
                once = create(leadId, now, lead, origin);
            } else {
                String requestSha256 = Disclosure.sha256(json.writeValueAsBytes(request));
                once = store.claimKey(idempotencyKey, requestSha256, leadId, now)
                        .flatMap(claimed -> claimed ? create(leadId, now, lead, origin)
                                : replay(idempotencyKey, requestSha256));
            }
            // announced only once committed, so a live view never shows a lead that does not exist
            return tx.transactional(once).doOnNext(submitted -> {
                if (!submitted.replayed()) {
                    changes.published(new LeadChange(leadId, "INTAKE", "LEAD_SUBMITTED", now));
                }
            });
        });
    }

    private Mono<SubmittedLead> replay(String key, String requestSha256) {
        return store.firstAnswer(key).flatMap(first -> {
            if (!first.requestSha256().equals(requestSha256)) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                        "This Idempotency-Key was used for a different submission."));
            }
            return Mono.just(first.lead());
        });
    }

    private Mono<SubmittedLead> create(UUID leadId, Instant now, ValidLead lead, RequestOrigin origin) {
        Disclosure disclosure = disclosures.version(lead.disclosureVersion()).orElseThrow();
        String emailSha = lead.contact().email() == null ? null : sha256(lead.contact().email());
        String phoneSha = lead.contact().phone() == null ? null : sha256(lead.contact().phone());
        String token = StatusTokens.next();
        return store.recentWithSameContact(emailSha, phoneSha, now.minus(properties.duplicateWindow()))
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(duplicateOf -> attachImaging(leadId, lead.imagingIds()).flatMap(references -> {
                    NewLead row = new NewLead(leadId, token, now, lead, json.writeValueAsString(lead), disclosure,
                            origin, emailSha, phoneSha, duplicateOf.orElse(null));
                    return store.insert(row)
                            .then(timeline.recordFirstStep(leadId, now, "INTAKE", "LEAD_SUBMITTED", "Lead submitted"))
                            .then(outbox.record(Topics.LEADS_SUBMITTED, leadId.toString(), LeadEvents.submitted(
                                    leadId, now, lead, disclosure, origin, duplicateOf.orElse(null), references)))
                            .then(audit.record(AuditAction.CREATE, "lead", leadId.toString()))
                            .doOnSuccess(ignored -> log.info("Lead {} submitted{}", leadId,
                                    duplicateOf.map(d -> " as a possible duplicate of " + d).orElse("")))
                            .thenReturn(new SubmittedLead(leadId, token, false));
                }));
    }

    private Mono<List<ImagingReference>> attachImaging(UUID leadId, List<UUID> imagingIds) {
        return Flux.fromIterable(imagingIds).index()
                .concatMap(indexed -> imaging.attachUnclaimed(indexed.getT2(), leadId)
                        .switchIfEmpty(Mono.error(() -> InvalidRequestException.of("imagingIds[" + indexed.getT1() + "]",
                                "unknown-file", "This file was not uploaded, or belongs to another submission.")))
                        .map(StoredImaging::reference))
                .collectList();
    }

    private static String sha256(String value) {
        return Disclosure.sha256(value.getBytes(StandardCharsets.UTF_8));
    }
}
