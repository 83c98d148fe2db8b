package com.leadflow.review.imaging;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.security.StaffAccessTokens;
import com.leadflow.platform.web.Problems;
import com.leadflow.review.config.ReviewProperties;
import com.leadflow.review.task.ReviewTaskStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A review's imaging, read in the clinician page with the clinician's one sign-in: review streams
 * the file from intake, which holds it, passing the clinician's own access token on, so intake
 * checks the role and audits the person too. Only imaging of the review's own lead is served; any
 * other id, guessed or another lead's, is 404, and every attempt is audited here.
 */
@Tag(name = "Reviews")
@RestController
class ImagingViewController {

    /** What of intake's answer reaches the browser; intake decides inline or attachment by the file's kind. */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION);

    private final ReviewTaskStore store;
    private final AuditLog audit;
    private final ReviewProperties properties;
    private final StaffAccessTokens tokens;
    private final WebClient intake = WebClient.create();

    ImagingViewController(ReviewTaskStore store, AuditLog audit, ReviewProperties properties,
            ObjectProvider<ReactiveClientRegistrationRepository> registrations,
            ObjectProvider<ServerOAuth2AuthorizedClientRepository> signIns) {
        this.store = store;
        this.audit = audit;
        this.properties = properties;
        this.tokens = new StaffAccessTokens(registrations, signIns);
    }

    /** A report or image, or a study's first slice. */
    @Operation(summary = "A file of the review's imaging",
            description = "A report or picture inline, a study's first slice; streamed from intake with the clinician's own access token. 404 for imaging of another lead; 502 when intake cannot be reached.")
    @GetMapping("/api/reviews/{reviewId}/imaging/{imagingId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String reviewId, @PathVariable String imagingId,
            Authentication person, ServerWebExchange exchange) {
        return relay(reviewId, imagingId, "/api/imaging/" + imagingId, imagingId, person, exchange);
    }

    /** One slice of a study's series, by the places the review lists. */
    @Operation(summary = "One slice of a study",
            description = "Slice instance of series, as application/dicom, for the viewer.")
    @GetMapping("/api/reviews/{reviewId}/imaging/{imagingId}/series/{series}/instances/{instance}")
    Mono<ResponseEntity<Flux<DataBuffer>>> slice(@PathVariable String reviewId, @PathVariable String imagingId,
            @PathVariable int series, @PathVariable int instance, Authentication person, ServerWebExchange exchange) {
        String path = "/api/imaging/" + imagingId + "/series/" + series + "/instances/" + instance;
        return relay(reviewId, imagingId, path, imagingId + "/" + series + "/" + instance, person, exchange);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> relay(String reviewId, String imagingId, String path,
            String audited, Authentication person, ServerWebExchange exchange) {
        return audit.record(AuditAction.VIEW, "imaging", audited)
                .then(store.find(reviewId))
                .filterWhen(task -> store.imagingOf(task.leadId()).any(study -> study.imagingId().equals(imagingId)))
                .switchIfEmpty(Mono.error(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "This review has no such imaging.")))
                .then(tokens.of(person, exchange))
                .switchIfEmpty(Mono.error(() -> problem(HttpStatus.UNAUTHORIZED, "sign-in-again", "Sign in again",
                        "Your sign-in does not carry a token the imaging store accepts. Sign out and sign in again.")))
                .flatMap(token -> intake.get().uri(properties.intakeImagingUrl(path))
                        .headers(h -> h.setBearerAuth(token))
                        .retrieve()
                        .onStatus(HttpStatusCode::isError, answer -> Mono.error(answer.statusCode().value() == 404
                                ? problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "This imaging file is not held.")
                                : problem(HttpStatus.BAD_GATEWAY, "imaging-unavailable", "Imaging unavailable",
                                        "The imaging store did not give the file. Try again in a minute.")))
                        .toEntityFlux(DataBuffer.class))
                .map(answer -> {
                    ResponseEntity.BodyBuilder passed = ResponseEntity.status(answer.getStatusCode());
                    PASSED_ON.forEach(name -> {
                        String value = answer.getHeaders().getFirst(name);
                        if (value != null) {
                            passed.header(name, value);
                        }
                    });
                    return passed.body(answer.getBody());
                })
                .onErrorResume(e -> !(e instanceof ErrorResponseException), e -> Mono.error(problem(
                        HttpStatus.BAD_GATEWAY, "imaging-unavailable", "Imaging unavailable",
                        "The imaging store cannot be reached just now. Try again in a minute.")));
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, type, title, detail), null);
    }
}
