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
 * @param maxBatch the most submissions a worker commits in one transaction: those that queued while the workers
 *     were busy ({@link SubmissionBatches}); 1 commits each on its own
 */
@ConfigurationProperties("leadflow.intake.submission")
public record SubmissionProperties(
        @DefaultValue("30d") Duration duplicateWindow,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("4") int threads,
        @DefaultValue("32") int maxBatch) {

    public SubmissionProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("leadflow.intake.submission.threads must be at least 1, not " + threads);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("leadflow.intake.submission.max-batch must be at least 1, not " + maxBatch);
        }
    }
}
