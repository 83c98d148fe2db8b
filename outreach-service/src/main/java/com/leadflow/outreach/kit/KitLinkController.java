package com.leadflow.outreach.kit;

import com.leadflow.outreach.link.AccessTokens;
import com.leadflow.outreach.recipient.Recipients;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.openapi.PublicEndpoint;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The kit's private download link, sent by text: the PDF for whoever holds the link until it
 * expires, and a 404 for any other path, with no hint whether a lead exists. Each download is
 * audited against the lead.
 */
@Tag(name = "Visitor", description = "What a visitor opens from a message")
@RestController
class KitLinkController {

    private final AccessTokens tokens;
    private final Recipients recipients;
    private final KitPdf kit;
    private final AuditLog audit;
    private final Clock clock;

    KitLinkController(AccessTokens tokens, Recipients recipients, KitPdf kit, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.recipients = recipients;
        this.kit = kit;
        this.audit = audit;
        this.clock = clock;
    }

    @PublicEndpoint
    @Operation(summary = "Download the info kit",
            description = "The kit as a PDF, from the private link a text carries (valid 30 days).")
    @GetMapping("/kit/{token}")
    Mono<ResponseEntity<byte[]>> download(@PathVariable String token) {
        return tokens.redeem(AccessTokens.Purpose.KIT, token, clock.instant())
                .flatMap(grant -> recipients.find(grant.leadId()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No info kit at this link; it may have expired")))
                .flatMap(to -> audit.record("kit-link-holder", AuditAction.DOWNLOAD, "lead", to.leadId().toString())
                        .then(Mono.fromCallable(() -> kit.render(to)).subscribeOn(Schedulers.boundedElastic())))
                .map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore())
                        .header("Referrer-Policy", "no-referrer")
                        .header("X-Robots-Tag", "noindex")
                        .header("Content-Disposition", ContentDisposition.inline().filename("info-kit.pdf").build().toString())
                        .body(pdf));
    }
}
