package com.leadflow.ops.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the console watches and how closely.
 *
 * @param sampleInterval how often offsets, groups, dead letters and the services are sampled; the
 *     console does nothing in between, so a long interval keeps it idle
 * @param history how long the per-topic rates are kept (in memory) for the sparklines
 * @param stallAfter a group with lag whose committed offset has not moved for this long is stalled
 * @param services the services whose health, version and outbox the console shows
 * @param actuatorUsername an ops account to read the services' actuator metrics with over HTTP Basic,
 *     only where services still let demo users in; unset, the console uses its own token from the
 *     identity provider ({@code leadflow.security.*})
 * @param actuatorPassword its password
 * @param actuatorClientId the client the console asks the identity provider for its own token as
 *     (client credentials; the client must carry the ops role there); unset, its sign-in client
 *     ({@code leadflow.security.client-id} and {@code client-secret})
 * @param actuatorClientSecret that client's secret
 * @param careManagerUrl where a lead id links to: intake's care manager view
 * @param replay replay limits
 * @param trace trace limits
 * @param alerts the thresholds of the alerts, shown in the page and used by the Prometheus rules
 */
@ConfigurationProperties("leadflow.ops")
public record OpsProperties(
        @DefaultValue("15s") Duration sampleInterval,
        @DefaultValue("1h") Duration history,
        @DefaultValue("5m") Duration stallAfter,
        @DefaultValue List<Service> services,
        String actuatorUsername,
        String actuatorPassword,
        String actuatorClientId,
        String actuatorClientSecret,
        @DefaultValue("http://localhost:8081/care/") String careManagerUrl,
        @DefaultValue Replay replay,
        @DefaultValue Trace trace,
        @DefaultValue Alerts alerts) {

    /** A service the console probes, e.g. {@code intake-service} at {@code http://localhost:8081}. */
    public record Service(String name, String url) {
    }

    /**
     * @param cap replays of one event after which it is parked rather than sent again
     * @param maxRecords the most dead letters one replay may send
     * @param planTtl how long a dry run's plan may be carried out
     */
    public record Replay(
            @DefaultValue("3") int cap,
            @DefaultValue("500") int maxRecords,
            @DefaultValue("30m") Duration planTtl) {
    }

    /**
     * @param defaultWindow the window a trace scans when none is given, back from now
     * @param maxWindow the widest window a trace may scan
     * @param maxRecordsPerPartition records scanned on one partition at most
     */
    public record Trace(
            @DefaultValue("24h") Duration defaultWindow,
            @DefaultValue("30d") Duration maxWindow,
            @DefaultValue("200000") int maxRecordsPerPartition) {
    }

    /**
     * Alert thresholds. {@code deploy/prometheus/leadflow-alerts.yml} uses the same numbers (a test
     * keeps them equal).
     *
     * @param lagSeconds a group further behind than this, for {@code forDuration}, fires
     * @param outboxOldestSeconds an unpublished outbox row older than this fires
     * @param forDuration how long a condition must hold before its alert fires
     */
    public record Alerts(
            @DefaultValue("120") double lagSeconds,
            @DefaultValue("60") double outboxOldestSeconds,
            @DefaultValue("2m") Duration forDuration) {
    }
}
