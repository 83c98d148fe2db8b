package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.AnswerClassifier;
import com.leadflow.insurance.eligibility.EligibilityGateway;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.PayerAnswer;
import com.leadflow.insurance.eligibility.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * One call to a payer, guarded: a timeout bounds the wait, and each payer has its own circuit
 * breaker, so an outage at one payer stops calls to it for a while without touching the others.
 * Only transient verdicts count as payer failures; a "member not found" means the payer works.
 * The result is always a verdict, never an error.
 */
public class PayerCall {

    /** What one call produced and how long it took. */
    public record Result(Verdict verdict, Instant startedAt, Duration took) {
    }

    static final String CIRCUIT_OPEN = "calls to this insurance company are paused after repeated failures";

    private final EligibilityGateway gateway;
    private final AnswerClassifier classifier;
    private final CircuitBreakerRegistry circuits;
    private final Duration timeout;
    private final Clock clock;

    public PayerCall(EligibilityGateway gateway, AnswerClassifier classifier, CircuitBreakerRegistry circuits,
            Duration timeout, Clock clock) {
        this.gateway = gateway;
        this.classifier = classifier;
        this.circuits = circuits;
        this.timeout = timeout;
        this.clock = clock;
    }

    public Mono<Result> call(EligibilityRequest request) {
        return Mono.defer(() -> {
            Instant startedAt = clock.instant();
            long start = System.nanoTime();
            CircuitBreaker circuit = circuits.circuitBreaker(request.payerId());
            if (!circuit.tryAcquirePermission()) {
                return Mono.just(new Result(classifier.classify(new PayerAnswer.Unreachable(CIRCUIT_OPEN)), startedAt,
                        Duration.ZERO));
            }
            AtomicBoolean settled = new AtomicBoolean();
            return gateway.check(request)
                    .timeout(timeout, Mono.fromSupplier(() -> new PayerAnswer.Unreachable(
                            "no answer within " + timeout.toMillis() + " ms")))
                    .onErrorResume(failure -> Mono.just(new PayerAnswer.Unreachable(
                            "the call failed (" + failure.getClass().getSimpleName() + ")")))
                    .defaultIfEmpty(new PayerAnswer.Unreadable("no answer at all"))
                    .map(classifier::classify)
                    .map(verdict -> {
                        long nanos = System.nanoTime() - start;
                        settled.set(true);
                        if (verdict.payerFailed()) {
                            circuit.onError(nanos, TimeUnit.NANOSECONDS, new PayerUnavailable());
                        } else {
                            circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
                        }
                        return new Result(verdict, startedAt, Duration.ofNanos(nanos));
                    })
                    .doFinally(signal -> {
                        if (!settled.get()) {
                            circuit.releasePermission();
                        }
                    });
        });
    }

    /** Marks a transient answer for the circuit breaker; carries no message and no stack. */
    static final class PayerUnavailable extends RuntimeException {
        PayerUnavailable() {
            super(null, null, false, false);
        }
    }
}
