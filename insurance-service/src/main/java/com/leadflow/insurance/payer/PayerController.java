package com.leadflow.insurance.payer;

import com.leadflow.platform.openapi.PublicEndpoint;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public payer type-ahead of the web form. */
@Tag(name = "Payers", description = "The insurance companies the form offers")
@RestController
public class PayerController {

    static final int MAX_QUERY = 60;
    static final int MAX_LIMIT = 20;

    /** One suggestion; realTimeEligibility tells the form whether the answer can come within seconds. */
    public record PayerSuggestion(String id, String name, List<String> aliases, boolean realTimeEligibility,
            double score) {
    }

    private final PayerDirectory directory;

    public PayerController(PayerDirectory directory) {
        this.directory = directory;
    }

    @PublicEndpoint
    @Operation(summary = "Find an insurance company",
            description = "The form's type-ahead: matches abbreviations and typos; q is required, limit defaults to 8.")
    @GetMapping("/api/payers")
    public Mono<ResponseEntity<Object>> search(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "limit", required = false, defaultValue = "8") String limit) {
        if (q == null || q.isBlank()) {
            return Mono.error(InvalidRequestException.of("q", "required", "Type part of the insurance company's name."));
        }
        if (q.length() > MAX_QUERY) {
            return Mono.error(InvalidRequestException.of("q", "max-length", "At most " + MAX_QUERY + " characters."));
        }
        int max;
        try {
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > MAX_LIMIT) {
            return Mono.error(InvalidRequestException.of("limit", "range", "Between 1 and " + MAX_LIMIT + "."));
        }
        int size = max;
        return directory.snapshot().map(snapshot -> ResponseEntity.ok((Object) snapshot.search().search(q, size)
                .stream()
                .map(m -> new PayerSuggestion(m.payer().id(), m.payer().name(), m.payer().aliases(),
                        m.payer().realTimeEligibility(), Math.round(m.score() * 100) / 100.0))
                .toList()));
    }
}
