package com.leadflow.insurance.config;

import com.leadflow.insurance.eligibility.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How insurance-service asks payers.
 *
 * @param gateway which payer gateway answers: {@code simulated} (the local stack's built-in payer) or
 *     {@code http} (a clearinghouse eligibility API)
 * @param providerNpi the practice's National Provider Identifier sent with every inquiry
 * @param callTimeout the longest wait for one payer answer
 * @param retry backoff and the window within which a transient failure is retried
 * @param circuit the per-payer circuit breaker
 * @param worker the checks topic's consumers and the sweep for stalled checks
 * @param http the clearinghouse API
 * @param simulated the simulated payer's timings
 */
@ConfigurationProperties("leadflow.insurance")
public record InsuranceProperties(
        @DefaultValue("simulated") Gateway gateway,
        @DefaultValue("1234567893") String providerNpi,
        @DefaultValue("5s") Duration callTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Circuit circuit,
        @DefaultValue Worker worker,
        @DefaultValue Http http,
        @DefaultValue Simulated simulated) {

    public InsuranceProperties {
        if (providerNpi == null || !providerNpi.matches("\\d{10}")) {
            throw new IllegalArgumentException("leadflow.insurance.provider-npi must be 10 digits");
        }
    }

    public enum Gateway { SIMULATED, HTTP }

    public record Retry(
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("2m") Duration maxBackoff,
            @DefaultValue("30m") Duration window) {

        public RetryPolicy policy() {
            return new RetryPolicy(initialBackoff, multiplier, maxBackoff, window);
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens a payer's circuit
     * @param slidingWindowSize the last calls the failure rate is computed over
     * @param minimumCalls calls needed before the rate counts
     * @param openFor how long an open circuit refuses calls before letting a few through
     * @param halfOpenCalls trial calls that decide whether the circuit closes again
     */
    public record Circuit(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("2") int halfOpenCalls) {
    }

    /**
     * @param pollInterval how often the sweep looks for stalled checks
     * @param batchSize stalled checks sent again per round
     * @param concurrency consumers of the checks topic (first attempts in flight at once)
     * @param retryConcurrency consumers per retry topic: one each by default, since retries are rare
     *     and every idle consumer fetches twice a second (see the README for what a payer outage costs)
     * @param stalledAfter slack after a check's next attempt was due before the sweep sends it again
     * @param enabled whether the sweep runs
     */
    public record Worker(
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("3") int concurrency,
            @DefaultValue("1") int retryConcurrency,
            @DefaultValue("1m") Duration stalledAfter,
            @DefaultValue("true") boolean enabled) {
    }

    public record Http(
            @DefaultValue("http://localhost:8099") URI baseUrl,
            @DefaultValue("/eligibility/v1/inquiries") String path) {
    }

    /**
     * @param slowAnswer how long a "SLOW" member id takes (within the call timeout)
     * @param hangingAnswer how long a "HANG" member id takes (past the call timeout)
     */
    public record Simulated(
            @DefaultValue("3s") Duration slowAnswer,
            @DefaultValue("60s") Duration hangingAnswer) {
    }
}
