package com.leadflow.intake.submit;

import com.leadflow.intake.evidence.ClientAddresses;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.DisclosureCatalog;
import com.leadflow.intake.lead.LeadRequest;
import com.leadflow.platform.openapi.PublicEndpoint;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The public entry: the disclosure text the form shows, and {@code POST /api/leads}. */
@Tag(name = "Visitor", description = "The public form: the consent text it shows, and submitting a lead")
@RestController
class LeadSubmissionController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,200}");

    private final SubmitLead submitLead;
    private final DisclosureCatalog disclosures;
    private final ClientAddresses clients;

    LeadSubmissionController(SubmitLead submitLead, DisclosureCatalog disclosures, ClientAddresses clients) {
        this.submitLead = submitLead;
        this.disclosures = disclosures;
        this.clients = clients;
    }

    /** The consent text to show beside the checkbox, with the version to send back. */
    @PublicEndpoint
    @Operation(summary = "The current consent text",
            description = "The consent text the form shows beside its checkbox, with its version and SHA-256; send the version back with the lead.")
    @GetMapping("/api/disclosure")
    Disclosure currentDisclosure() {
        return disclosures.current();
    }

    @PublicEndpoint
    @Operation(summary = "Submit a lead",
            description = "Validates, deduplicates and stores the lead, then publishes LeadSubmitted. Answers 202 with the lead id and the visitor's private status link. An Idempotency-Key makes a retry answer the first result.")
    @ApiResponse(responseCode = "202", description = "Stored: {leadId, statusUrl, statusApi, imagingUploadUrl}")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/InvalidRequest")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    @PostMapping(path = "/api/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> submit(@RequestBody LeadRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerWebExchange exchange) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Mono.error(InvalidRequestException.of("Idempotency-Key", "format",
                    "Use 8 to 200 letters, digits or . _ : - (a UUID is ideal)."));
        }
        return submitLead.submit(request, idempotencyKey, clients.origin(exchange.getRequest()))
                // no Location header: the status link is a secret, and headers end up in proxy logs
                .map(lead -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Accepted.of(lead)));
    }

    /**
     * What the visitor gets back: the lead's id and the private links to its progress and to add imaging.
     */
    record Accepted(UUID leadId, String statusUrl, String statusApi, String imagingUploadUrl) {
        static Accepted of(SubmittedLead lead) {
            return new Accepted(lead.leadId(), "/status.html#" + lead.statusToken(),
                    "/api/status/" + lead.statusToken(), "/api/status/" + lead.statusToken() + "/imaging");
        }
    }
}
