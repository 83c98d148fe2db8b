package com.leadflow.outreach.optout;

import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.platform.openapi.PublicEndpoint;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The SMS gateway's inbound webhook: a reply of STOP (or one of the other standard opt-out words)
 * opts the sender out at once and for good. Requests must carry the gateway's signature when an
 * auth token is configured (always with the real gateway); other replies are acknowledged and
 * left to the care team. The answer is an empty TwiML document: the gateway sends its own
 * opt-out confirmation.
 */
@Tag(name = "SMS gateway", description = "The SMS gateway's webhook")
@RestController
class InboundSmsController {

    static final String PATH = "/sms/inbound";

    /** The opt-out words carriers and the CTIA guidelines name. */
    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");

    private final OptOuts optOuts;
    private final OutreachProperties.Sms sms;
    private final OutreachProperties.Practice practice;

    InboundSmsController(OptOuts optOuts, OutreachProperties properties) {
        this.optOuts = optOuts;
        this.sms = properties.sms();
        this.practice = properties.practice();
    }

    @PublicEndpoint
    @Operation(summary = "A text a visitor sent back",
            description = "STOP (or STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT) opts out at once; checked against X-Twilio-Signature when an auth token is set.")
    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> inbound(ServerWebExchange exchange,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        return exchange.getFormData().flatMap(form -> {
            if (sms.authToken() != null && !sms.authToken().isBlank() && !TwilioSignature.matches(sms.authToken(),
                    practice.publicUrl().toString().replaceAll("/+$", "") + PATH, form, signature)) {
                return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "The request is not signed by the SMS gateway"));
            }
            String from = form.getFirst("From");
            if (from == null || !from.matches("\\+[1-9][0-9]{6,14}")) {
                return Mono.error(InvalidRequestException.of("From", "e164", "From must be a phone number in E.164 form."));
            }
            Mono<Void> done = isStop(form) ? optOuts.stop(from) : Mono.empty();
            return done.thenReturn(ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body("<Response/>"));
        });
    }

    private static boolean isStop(MultiValueMap<String, String> form) {
        String body = form.getFirst("Body");
        return body != null && STOP_WORDS.contains(body.strip().toUpperCase(Locale.ROOT));
    }
}
