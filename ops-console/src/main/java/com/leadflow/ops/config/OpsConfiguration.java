package com.leadflow.ops.config;

import com.leadflow.ops.alert.AlertBoard;
import com.leadflow.ops.alert.OpsMetrics;
import com.leadflow.ops.deadletter.DeadLetterBoard;
import com.leadflow.ops.deadletter.DeadLetterInbox;
import com.leadflow.ops.flow.FlowSampler;
import com.leadflow.ops.flow.FlowSnapshot;
import com.leadflow.ops.health.ActuatorCredentials;
import com.leadflow.ops.health.StackProbe;
import com.leadflow.ops.kafka.KafkaAccess;
import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.replay.ReplayAudit;
import com.leadflow.ops.replay.ReplaySender;
import com.leadflow.ops.replay.ReplayService;
import com.leadflow.ops.trace.LeadTracer;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.kafka.KafkaWiringProperties;
import com.leadflow.platform.security.AccessRules;
import com.leadflow.platform.security.ClientCredentialsToken;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.SecurityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The console's wiring, and who may use it: ops and admins, nobody else. */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The page, its assets and the API are for ops (and admins). */
    @Bean
    AccessRules opsAccessRules() {
        return exchanges -> exchanges
                .pathMatchers("/", "/index.html", "/assets/**", "/api/**")
                .hasAnyRole(Role.OPS.name(), Role.ADMIN.name());
    }

    /**
     * How the console reads the services' metrics: an ops account when one is set explicitly (for a
     * stack that still lets demo users in), else its own client-credentials token from the provider
     * staff sign in at (its client carries the ops role there), else not at all.
     */
    @Bean
    ActuatorCredentials actuatorCredentials(OpsProperties ops, SecurityProperties security, Clock clock) {
        if (ops.actuatorUsername() != null && !ops.actuatorUsername().isBlank()) {
            return ActuatorCredentials.basic(ops.actuatorUsername(), ops.actuatorPassword());
        }
        if (ops.actuatorClientId() != null && !ops.actuatorClientId().isBlank() && security.oidcEnabled()) {
            return ActuatorCredentials.token(new ClientCredentialsToken(security.issuerUri(), ops.actuatorClientId(),
                    ops.actuatorClientSecret(), clock));
        }
        if (security.signInEnabled()) {
            return ActuatorCredentials.token(new ClientCredentialsToken(security.issuerUri(), security.clientId(),
                    security.clientSecret(), clock));
        }
        return ActuatorCredentials.none();
    }

    @Bean
    KafkaAccess kafkaAccess(KafkaProperties kafka) {
        return new KafkaAccess(kafka);
    }

    @Bean(destroyMethod = "close")
    Admin opsAdmin(KafkaAccess kafka) {
        return Admin.create(kafka.adminConfig());
    }

    @Bean
    ReplayAudit replayAudit(DatabaseClient db, AuditLog auditLog) {
        return new ReplayAudit(db, auditLog);
    }

    @Bean
    DeadLetterInbox deadLetterInbox(Admin admin, KafkaAccess kafka) {
        return new DeadLetterInbox(admin, kafka);
    }

    @Bean
    DeadLetterBoard deadLetterBoard(ReplayAudit audit, OpsProperties properties) {
        return new DeadLetterBoard(audit::timesReplayed, properties.replay().cap());
    }

    @Bean
    OpsSampler opsSampler(Admin admin, KafkaAccess kafka, OpsProperties properties, Clock clock,
            DeadLetterInbox inbox, DeadLetterBoard board, KafkaWiringProperties wiring, MeterRegistry meters,
            ReplayAudit audit, ActuatorCredentials credentials) {
        // the replay counts are read once the schema is migrated (lifecycle start comes after Flyway)
        return new OpsSampler(new FlowSampler(admin, kafka, properties, clock), inbox, board,
                new StackProbe(properties, credentials, admin, wiring.registryUrl()), new AlertBoard(properties),
                new OpsMetrics(meters), properties.sampleInterval(), clock,
                () -> audit.load().block(Duration.ofSeconds(30)));
    }

    @Bean(destroyMethod = "close")
    ReplaySender replaySender(KafkaAccess kafka, ReplayAudit audit, OpsSampler sampler, Clock clock) {
        return new ReplaySender(kafka, audit, () -> existingTopics(sampler.state().flow()), clock);
    }

    @Bean
    ReplayService replayService(DeadLetterInbox inbox, ReplayAudit audit, ReplaySender sender,
            OpsProperties properties, Clock clock) {
        return new ReplayService(inbox, audit, sender, properties, clock);
    }

    @Bean
    LeadTracer leadTracer(KafkaAccess kafka, OpsProperties properties, OpsSampler sampler, Clock clock) {
        return new LeadTracer(kafka, properties, () -> sampler.state().flow(), clock);
    }

    private static Set<String> existingTopics(FlowSnapshot flow) {
        return flow.topics().stream().map(FlowSnapshot.TopicFlow::name).collect(Collectors.toSet());
    }
}
