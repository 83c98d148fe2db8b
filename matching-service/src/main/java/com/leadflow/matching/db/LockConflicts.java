package com.leadflow.matching.db;

import java.time.Duration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import reactor.util.retry.Retry;

/**
 * Retries a whole transaction the database aborted to break a deadlock. Two matches ending at
 * once can each hold one ambassador's row and want the other's; PostgreSQL then rolls one back,
 * and running it again succeeds.
 */
public final class LockConflicts {

    private LockConflicts() {
    }

    public static Retry retry() {
        return Retry.backoff(3, Duration.ofMillis(20))
                .filter(e -> e instanceof ConcurrencyFailureException || e instanceof TransientDataAccessException)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
