package com.leadflow.intake.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the public endpoints accept from one client IP: a burst of {@code capacity} requests,
 * then one per {@code refillEvery}. Behind a proxy, set {@code server.forward-headers-strategy}
 * so the client's own IP is used.
 */
@ConfigurationProperties("leadflow.intake.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") int capacity,
        @DefaultValue("6s") Duration refillEvery) {
}
