package com.leadflow.insurance.gateway.http;

import com.leadflow.insurance.eligibility.EligibilityGateway;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.PayerAnswer;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Asks a clearinghouse's eligibility API (270/271 semantics in JSON). Whatever happens on the wire
 * becomes a {@link PayerAnswer}: 2xx bodies are read strictly, 5xx and 429 and timeouts mean the
 * payer is unreachable for now, other 4xx mean the clearinghouse refused the inquiry. Logs name
 * the payer and the HTTP status only: the request and the answer carry PHI.
 */
public class HttpEligibilityGateway implements EligibilityGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpEligibilityGateway.class);

    private final WebClient http;
    private final String path;
    private final Duration timeout;
    private final ClearinghouseJson json;

    public HttpEligibilityGateway(URI baseUrl, String path, Duration timeout, ObjectMapper mapper) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .responseTimeout(timeout);
        this.http = WebClient.builder().baseUrl(baseUrl.toString())
                .clientConnector(new ReactorClientHttpConnector(client)).build();
        this.path = path;
        this.timeout = timeout;
        this.json = new ClearinghouseJson(mapper);
    }

    @Override
    public Mono<PayerAnswer> check(EligibilityRequest request) {
        return http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(json.inquiry(request))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(String.class).defaultIfEmpty("").map(json::answer);
                    }
                    log.info("Clearinghouse answered HTTP {} for payer {}", status, request.payerId());
                    PayerAnswer answer = response.statusCode().is5xxServerError() || status == 429
                            ? new PayerAnswer.Unreachable("HTTP " + status + " from the clearinghouse")
                            : new PayerAnswer.Unreadable("HTTP " + status + " from the clearinghouse");
                    return response.releaseBody().thenReturn(answer);
                })
                .timeout(timeout.plusMillis(250))
                .onErrorResume(failure -> Mono.just(unreachable(failure, request.payerId())));
    }

    private PayerAnswer unreachable(Throwable failure, String payerId) {
        // exception messages may quote the request; only the type is logged
        log.info("No answer from the clearinghouse for payer {}: {}", payerId, failure.getClass().getSimpleName());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Reactor's own timeout, or Netty's read timeout (wrapped by WebClient)
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return new PayerAnswer.Unreachable("no answer within " + timeout.toMillis() + " ms");
            }
        }
        if (failure instanceof WebClientRequestException) {
            return new PayerAnswer.Unreachable("the connection failed");
        }
        return new PayerAnswer.Unreachable("the call failed (" + failure.getClass().getSimpleName() + ")");
    }
}
