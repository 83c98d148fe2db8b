package com.leadflow.insurance.eligibility;

import reactor.core.publisher.Mono;

/**
 * The port through which the practice asks a payer about a member's coverage. Implementations
 * answer with {@link PayerAnswer.Unreachable} or {@link PayerAnswer.Unreadable} rather than
 * fail, and never put the request's PHI into what they return or log.
 */
public interface EligibilityGateway {

    Mono<PayerAnswer> check(EligibilityRequest request);
}
