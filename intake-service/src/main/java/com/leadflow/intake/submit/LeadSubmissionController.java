package com.leadflow.intake.submit;

import com.leadflow.intake.evidence.ClientAddresses;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.DisclosureCatalog;
import com.leadflow.intake.lead.LeadRequest;
import com.leadflow.platform.openapi.PublicEndpoint;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /** The public document's example lead: a visitor asking for all three free services (fictional data). */
    static final String EXAMPLE_LEAD = """
            {"requestedServices": ["MRI_CT_REVIEW", "INSURANCE_VERIFICATION", "CONNECT_WITH_PAST_PATIENT"],
             "contact": {"firstName": "Jordan", "lastName": "Rivera", "email": "jordan.rivera@example.org",
                         "phone": "(415) 555-2368", "preferredChannel": "PHONE", "preferredTime": "MORNING"},
             "dateOfBirth": "1968-04-12", "zipCode": "94110", "preferredLanguage": "en",
             "clinical": {"condition": "HERNIATED_DISC", "symptoms": ["LOWER_BACK_PAIN", "SCIATIC_PAIN"],
                          "painLevel": 6, "painDuration": "MONTHS_3_TO_12",
                          "treatmentsTried": ["PHYSICAL_THERAPY"], "procedureOfInterest": "MICRODISCECTOMY",
                          "description": "Pain down the left leg when I sit"},
             "insurance": {"payerName": "Blue Shield of California", "memberId": "XQZ123456",
                           "subscriberRelationship": "SELF"},
             "consent": {"contactConsentGiven": true, "disclosureVersion": "2026-11-01",
                         "pageUrl": "https://practice.example/procedures/microdiscectomy"},
             "attribution": {"utmSource": "google", "utmMedium": "cpc",
                             "landingPage": "https://practice.example/procedures/microdiscectomy"}}""";

    private static final String EXAMPLE_ACCEPTED = """
            {"leadId": "3f6c2a1e-8b4d-4c7a-9e2f-5d1b0a9c8e47",
             "statusUrl": "/status.html#Vq3x9TzK1mB7cR2eL8wN4pYs",
             "statusApi": "/api/status/Vq3x9TzK1mB7cR2eL8wN4pYs",
             "imagingUploadUrl": "/api/status/Vq3x9TzK1mB7cR2eL8wN4pYs/imaging"}""";

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
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LeadRequest.class),
            examples = @ExampleObject(name = "all three free services", value = EXAMPLE_LEAD)))
    @ApiResponse(responseCode = "202", description = "Stored: {leadId, statusUrl, statusApi, imagingUploadUrl}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "stored", value = EXAMPLE_ACCEPTED)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/InvalidRequest")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    @PostMapping(path = "/api/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> submit(@RequestBody LeadRequest request,
            @Parameter(description = "Makes a retry answer the first result: 8 to 200 letters, digits or . _ : -",
                    example = "7d0e4b52-1c9a-4f3e-b6a8-2e5f9c0d1a73")
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
