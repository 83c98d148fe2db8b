package com.leadflow.insurance.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.test.MutableClock;
import com.leadflow.insurance.eligibility.AnswerClassifier;
import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.EligibilityGateway;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.PayerAnswer;
import com.leadflow.insurance.eligibility.PayerError;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.insurance.eligibility.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PayerCallTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    /** What each payer answers right now; absent payers hang. */
    private final Map<String, PayerAnswer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final EligibilityGateway gateway = request -> {
        calls.computeIfAbsent(request.payerId(), id -> new AtomicInteger()).incrementAndGet();
        PayerAnswer answer = answers.get(request.payerId());
        return answer == null ? Mono.never() : Mono.just(answer);
    };
    private final CircuitBreakerRegistry circuits = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .failureRateThreshold(50)
            .slidingWindow(4, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock)
            .build());
    private final PayerCall payerCall = new PayerCall(gateway, new AnswerClassifier(), circuits,
            Duration.ofMillis(200), clock);

    private static final PayerAnswer ACTIVE = new PayerAnswer.Answered(List.of(new Coverage(true, "PPO",
            LocalDate.of(2026, 1, 1), null, Network.IN_NETWORK, 4000L, 20, 0L, 0L, false, "30")), List.of());
    private static final PayerAnswer UNAVAILABLE = new PayerAnswer.Unreachable("HTTP 503 from the clearinghouse");

    private Verdict ask(String payerId) {
        var request = new EligibilityRequest("1234567893", payerId, "W123456789",
                new Subscriber("Jane", "Doe", LocalDate.of(1970, 1, 31)), List.of());
        return payerCall.call(request).block(Duration.ofSeconds(5)).verdict();
    }

    private CircuitBreaker.State state(String payerId) {
        return circuits.circuitBreaker(payerId).getState();
    }

    @Test
    void theCircuitOpensAndClosesPerPayer() {
        answers.put("aetna", UNAVAILABLE);
        answers.put("cigna", ACTIVE);
        for (int i = 0; i < 4; i++) {
            assertThat(ask("aetna").kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        }
        assertThat(state("aetna")).isEqualTo(CircuitBreaker.State.OPEN);

        // while Aetna's circuit is open it is not called at all; Cigna is unaffected
        Verdict refused = ask("aetna");
        assertThat(refused.kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(refused.reason()).contains("paused");
        assertThat(calls.get("aetna")).hasValue(4);
        assertThat(ask("cigna").kind()).isEqualTo(Verdict.Kind.VERIFIED);
        assertThat(state("cigna")).isEqualTo(CircuitBreaker.State.CLOSED);

        // Aetna recovers; after the open period one trial call goes through and closes the circuit
        answers.put("aetna", ACTIVE);
        clock.advance(Duration.ofSeconds(31));
        assertThat(ask("aetna").kind()).isEqualTo(Verdict.Kind.VERIFIED);
        assertThat(state("aetna")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.get("aetna")).hasValue(5);
    }

    @Test
    void membersThePayerCannotFindDoNotCountAsPayerFailures() {
        answers.put("humana", new PayerAnswer.Answered(List.of(), List.of(new PayerError("75", "C"))));
        for (int i = 0; i < 8; i++) {
            assertThat(ask("humana").kind()).isEqualTo(Verdict.Kind.NOT_VERIFIED);
        }
        assertThat(state("humana")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aPayerThatDoesNotAnswerInTimeIsTransientAndCountsAgainstItsCircuit() {
        Verdict verdict = ask("molina");
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(verdict.reason()).contains("no answer within 200 ms");
        assertThat(circuits.circuitBreaker("molina").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }
}
