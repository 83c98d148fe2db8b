package com.leadflow.outreach.optout;

import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.link.AccessTokens;
import com.leadflow.outreach.recipient.Recipients;
import com.leadflow.platform.openapi.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Every email's unsubscribe link. Opening it shows one button (a GET never unsubscribes: mail
 * scanners open links); the button, or a mail client's RFC 8058 one-click POST to the same
 * address, unsubscribes at once and for good.
 */
@Tag(name = "Visitor")
@RestController
class UnsubscribeController {

    private final AccessTokens tokens;
    private final Recipients recipients;
    private final OptOuts optOuts;
    private final Composer composer;
    private final Clock clock;

    UnsubscribeController(AccessTokens tokens, Recipients recipients, OptOuts optOuts, Composer composer, Clock clock) {
        this.tokens = tokens;
        this.recipients = recipients;
        this.optOuts = optOuts;
        this.composer = composer;
        this.clock = clock;
    }

    @PublicEndpoint
    @Operation(summary = "The unsubscribe page",
            description = "A page with one button, from the link in every email.")
    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> ask(@PathVariable String token) {
        return tokens.redeem(AccessTokens.Purpose.UNSUBSCRIBE, token, clock.instant())
                .flatMap(grant -> locale(grant).map(locale -> page(HttpStatus.OK, "ask", locale, "/unsubscribe/" + token)))
                .defaultIfEmpty(page(HttpStatus.NOT_FOUND, "unknown", Locale.ENGLISH, null));
    }

    @PublicEndpoint
    @Operation(summary = "Unsubscribe from all messages",
            description = "The page's button and RFC 8058 one-click (List-Unsubscribe-Post); for good, at once.")
    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> unsubscribe(@PathVariable String token) {
        return tokens.redeem(AccessTokens.Purpose.UNSUBSCRIBE, token, clock.instant())
                .flatMap(grant -> optOuts.unsubscribe(grant.addressSha256(), grant.leadId())
                        .then(locale(grant))
                        .map(locale -> page(HttpStatus.OK, "done", locale, null)))
                .defaultIfEmpty(page(HttpStatus.NOT_FOUND, "unknown", Locale.ENGLISH, null));
    }

    private Mono<Locale> locale(AccessTokens.Grant grant) {
        return recipients.find(grant.leadId()).map(r -> r.locale()).defaultIfEmpty(Locale.ENGLISH);
    }

    private ResponseEntity<String> page(HttpStatus status, String state, Locale locale, String action) {
        Map<String, Object> variables = action == null ? Map.of("state", state) : Map.of("state", state, "action", action);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header("Referrer-Policy", "no-referrer")
                .body(composer.page("unsubscribe", locale, variables));
    }
}
