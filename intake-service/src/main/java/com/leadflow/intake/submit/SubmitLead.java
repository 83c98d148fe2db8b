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
import com.leadflow.platform.id.TimeOrderedUuid;
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
import com.leadflow.platform.correlation.Correlation;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a valid submission into a durable lead: the lead row, its first timeline entry and its
 * {@code LeadSubmitted} event commit in one transaction, so nothing acknowledged is ever lost.
 * A retried request with the same Idempotency-Key gets the first answer and creates nothing; a
 * lead whose email or phone matches a recent lead is kept and linked to it, never dropped.
 *
 * <p>The request is read and validated on the event loop; its transaction runs on JDBC on a small
 * pool of worker threads ({@link com.leadflow.intake.JdbcWorkers}), as a listener's poll does, together with
 * the submissions that queued beside it while the workers were busy ({@link SubmissionBatches}):
 * its statements (the duplicate lookup, the lead and its first step in one; the audit entry; the
 * outbox row at commit) cost a fraction of the CPU they cost on R2DBC, and the event loop never
 * waits for the database.
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
    private final DisclosureCatalog disclosures;
    private final JsonMapper json;
    private final Clock clock;
    private final SubmissionProperties properties;
    private final LeadChanges changes;
    private final SubmissionBatches batches;

    SubmitLead(LeadValidator validator, LeadStore store, ImagingRecords imaging, Timeline timeline, Outbox outbox,
            AuditLog audit, DisclosureCatalog disclosures, JsonMapper json, Clock clock,
            SubmissionProperties properties, LeadChanges changes, SubmissionBatches batches) {
        this.changes = changes;
        this.validator = validator;
        this.store = store;
        this.imaging = imaging;
        this.timeline = timeline;
        this.outbox = outbox;
        this.audit = audit;
        this.disclosures = disclosures;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.batches = batches;
    }

    public Mono<SubmittedLead> submit(LeadRequest request, String idempotencyKey, RequestOrigin origin) {
        return Mono.deferContextual(context -> {
            ValidLead lead = validator.validate(request);
            String requestSha256 = idempotencyKey == null ? null : Disclosure.sha256(json.writeValueAsBytes(request));
            Correlation.Ids ids = Correlation.ids(context).orElseGet(() -> new Correlation.Ids(Correlation.newId(), null));
            return AuditLog.actor().flatMap(actor -> {
                UUID leadId = TimeOrderedUuid.next();
                Instant now = clock.instant();
                return batches.submit(ids, () -> once(leadId, now, lead, idempotencyKey, requestSha256, origin, ids, actor),
                        submitted -> {
                            // logged and announced only once committed: a batch that rolls back applies its
                            // submissions again, and a live view never shows a lead that does not exist
                            if (!submitted.replayed()) {
                                log.info("Lead {} submitted{}", leadId, submitted.possibleDuplicateOf() == null ? ""
                                        : " as a possible duplicate of " + submitted.possibleDuplicateOf());
                                changes.published(new LeadChange(leadId, "INTAKE", "LEAD_SUBMITTED", now));
                            }
                        });
            });
        });
    }

    private SubmittedLead once(UUID leadId, Instant now, ValidLead lead, String idempotencyKey, String requestSha256,
            RequestOrigin origin, Correlation.Ids ids, String actor) {
        if (idempotencyKey != null && !store.claimKey(idempotencyKey, requestSha256, leadId, now)) {
            return replay(idempotencyKey, requestSha256);
        }
        return create(leadId, now, lead, origin, ids, actor);
    }

    private SubmittedLead replay(String key, String requestSha256) {
        LeadStore.FirstAnswer first = store.firstAnswer(key).orElseThrow();
        if (!first.requestSha256().equals(requestSha256)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "This Idempotency-Key was used for a different submission.");
        }
        return first.lead();
    }

    private SubmittedLead create(UUID leadId, Instant now, ValidLead lead, RequestOrigin origin, Correlation.Ids ids,
            String actor) {
        Disclosure disclosure = disclosures.version(lead.disclosureVersion()).orElseThrow();
        String emailSha = lead.contact().email() == null ? null : sha256(lead.contact().email());
        String phoneSha = lead.contact().phone() == null ? null : sha256(lead.contact().phone());
        String token = StatusTokens.next();
        List<ImagingReference> references = attachImaging(leadId, lead.imagingIds());
        // the duplicate lookup, the lead and its first timeline step: one statement
        Optional<UUID> duplicateOf = store.insert(new NewLead(leadId, token, now, lead, json.writeValueAsString(lead),
                disclosure, origin, emailSha, phoneSha), now.minus(properties.duplicateWindow()),
                timeline.firstStep(leadId, now, "INTAKE", "LEAD_SUBMITTED", "Lead submitted"));
        outbox.add(Topics.LEADS_SUBMITTED, leadId.toString(), LeadEvents.submitted(leadId, now, lead, disclosure, origin,
                duplicateOf.orElse(null), references), ids.correlationId(), ids.span());
        audit.add(actor, AuditAction.CREATE, "lead", leadId.toString(), ids.correlationId());
        return new SubmittedLead(leadId, token, false, duplicateOf.orElse(null));
    }

    private List<ImagingReference> attachImaging(UUID leadId, List<UUID> imagingIds) {
        List<ImagingReference> references = new ArrayList<>(imagingIds.size());
        for (int i = 0; i < imagingIds.size(); i++) {
            int index = i;
            references.add(imaging.attachUnclaimed(imagingIds.get(i), leadId)
                    .orElseThrow(() -> InvalidRequestException.of("imagingIds[" + index + "]", "unknown-file",
                            "This file was not uploaded, or belongs to another submission."))
                    .reference());
        }
        return references;
    }

    private static String sha256(String value) {
        return Disclosure.sha256(value.getBytes(StandardCharsets.UTF_8));
    }
}
