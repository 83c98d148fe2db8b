package com.leadflow.ops.health;

/**
 * One piece of the stack as the console last saw it.
 *
 * @param kind service, broker or registry
 * @param health "UP", "DOWN", "unreachable", ... as the piece reports it
 * @param version what the piece says it runs, or null when it does not say
 * @param outbox the service's outbox backlog, or null for pieces without one (or when it could not be read)
 * @param note a plain remark for ops (why a value is missing), or null
 */
public record ComponentStatus(String name, String kind, String url, String health, String version,
        OutboxBacklog outbox, String note) {

    public boolean up() {
        return "UP".equals(health);
    }

    /** Unpublished outbox rows and the age of the oldest, in seconds. */
    public record OutboxBacklog(long pending, double oldestAgeSeconds) {
    }
}
