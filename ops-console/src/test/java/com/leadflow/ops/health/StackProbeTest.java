package com.leadflow.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.support.OpsClientAtTheProvider;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.platform.kafka.KafkaWiringProperties;
import com.leadflow.platform.security.ClientCredentialsToken;
import com.leadflow.test.IdentityProviderServer;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The console asks a running leadflow service (itself: it has the platform's outbox too) for its
 * health, version and outbox backlog through the actuator, the broker and the registry for theirs,
 * and says plainly when a service does not answer or its metrics are closed to it. The console reads
 * the metrics with its own client-credentials token from the identity provider (or, set
 * explicitly, an ops account over HTTP Basic).
 */
@OpsConsoleIntegrationTest
class StackProbeTest {

    @Autowired
    OpsProperties properties;
    @Autowired
    Admin admin;
    @Autowired
    KafkaWiringProperties wiring;
    @Value("${local.server.port}")
    int port;

    @Test
    void aServicesHealthVersionAndOutboxBacklogAreReadFromItsActuatorWithTheConsolesOwnToken() {
        var probe = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port),
                new OpsProperties.Service("gone", "http://127.0.0.1:9"))),
                token(OpsClientAtTheProvider.CLIENT_ID), admin, wiring.registryUrl());

        List<ComponentStatus> statuses = probe.probe();

        assertThat(statuses).extracting(ComponentStatus::name)
                .containsExactly("kafka", "schema registry", "ops-console", "gone");
        assertThat(statuses.get(0).health()).isEqualTo("UP");
        assertThat(statuses.get(0).version()).startsWith("metadata version level");
        assertThat(statuses.get(1).health()).isEqualTo("UP");
        assertThat(statuses.get(1).version()).contains("3.0.9");
        ComponentStatus console = statuses.get(2);
        assertThat(console.health()).isEqualTo("UP");
        assertThat(console.version()).isNotBlank();
        assertThat(console.outbox()).isEqualTo(new ComponentStatus.OutboxBacklog(0, 0));
        assertThat(statuses.get(3).health()).isEqualTo("unreachable");
        assertThat(statuses.get(3).note()).isEqualTo("No answer from http://127.0.0.1:9/actuator/health");
    }

    @Test
    void aTokenWithoutTheOpsRoleDoesNotReadTheOutboxAndThePageSaysWhy() {
        var probe = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port))),
                token("test-none"), admin, wiring.registryUrl());

        ComponentStatus console = probe.probe().get(2);

        assertThat(console.health()).isEqualTo("UP");
        assertThat(console.outbox()).isNull();
        assertThat(console.note()).isEqualTo("Outbox not read from http://localhost:" + port
                + "/actuator/metrics with the console's token (client test-none)");
    }

    @Test
    void aSecretTheProviderRefusesDoesNotReadTheOutboxAndThePageSaysWhy() {
        var probe = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port))),
                ActuatorCredentials.token(new ClientCredentialsToken(IdentityProviderServer.get().issuer(),
                        OpsClientAtTheProvider.CLIENT_ID, "not-the-secret", Clock.systemUTC())), admin, wiring.registryUrl());

        ComponentStatus console = probe.probe().get(2);

        assertThat(console.health()).isEqualTo("UP");
        assertThat(console.outbox()).isNull();
        assertThat(console.note()).contains("with the console's token").doesNotContain("not-the-secret");
    }

    @Test
    void anOpsAccountSetExplicitlyReadsTheOutboxOverBasicWhereDemoUsersMaySignIn() {
        var probe = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port))),
                ActuatorCredentials.basic("olive", "olive-demo"), admin, wiring.registryUrl());

        assertThat(probe.probe().get(2).outbox()).isEqualTo(new ComponentStatus.OutboxBacklog(0, 0));

        var carla = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port))),
                ActuatorCredentials.basic("carla", "carla-demo"), admin, wiring.registryUrl());
        assertThat(carla.probe().get(2).note()).isEqualTo("Outbox not read from http://localhost:" + port + "/actuator/metrics");
    }

    private static ActuatorCredentials token(String client) {
        return ActuatorCredentials.token(new ClientCredentialsToken(IdentityProviderServer.get().awaitReady().issuer(),
                client, client + "-secret", Clock.systemUTC()));
    }

    private OpsProperties with(List<OpsProperties.Service> services) {
        return new OpsProperties(properties.sampleInterval(), properties.history(), properties.stallAfter(), services,
                null, null, null, null, properties.careManagerUrl(), properties.replay(), properties.trace(), properties.alerts());
    }
}
