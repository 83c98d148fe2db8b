package com.leadflow.matching.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How matching runs.
 *
 * @param sweepInterval how often the wait-list is tried again even when no change asked for it
 *     (a safety net: a sweep normally follows every change that frees room)
 * @param sweepBatch how many wait-listed leads one sweep tries, longest waiting first
 * @param seedLocalAmbassadors whether to add the synthetic ambassadors of the local stack (never in production)
 */
@ConfigurationProperties("leadflow.matching")
public record MatchingProperties(
        @DefaultValue("60s") Duration sweepInterval,
        @DefaultValue("200") int sweepBatch,
        @DefaultValue("false") boolean seedLocalAmbassadors) {
}
