package com.leadflow.intake.submit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How submissions are taken.
 *
 * @param duplicateWindow how far back a lead with the same email or phone makes a new one a possible duplicate
 * @param maxBodySize the largest JSON body {@code POST /api/leads} reads; larger ones get 413
 * @param threads the worker threads that run submissions' transactions on JDBC, each holding one of the
 *     service's JDBC connections ({@code leadflow.consumer.connections}) while it works
 */
@ConfigurationProperties("leadflow.intake.submission")
public record SubmissionProperties(
        @DefaultValue("30d") Duration duplicateWindow,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("4") int threads) {
}
