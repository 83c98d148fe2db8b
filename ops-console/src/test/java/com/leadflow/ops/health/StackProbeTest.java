package com.leadflow.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.platform.kafka.KafkaWiringProperties;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The console asks a running leadflow service (itself: it has the platform's outbox too) for its
 * health, version and outbox backlog through the actuator, the broker and the registry for theirs,
 * and says plainly when a service does not answer or its metrics are closed to it.
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
    void aServicesHealthVersionAndOutboxBacklogAreReadFromItsActuator() {
        var probe = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port),
                new OpsProperties.Service("gone", "http://127.0.0.1:9")), "olive", "olive-demo"), admin, wiring.registryUrl());

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
    void withoutAnOpsAccountTheOutboxIsNotReadAndThePageSaysWhy() {
        var probe = new StackProbe(with(List.of(new OpsProperties.Service("ops-console", "http://localhost:" + port)),
                "carla", "carla-demo"), admin, wiring.registryUrl());

        ComponentStatus console = probe.probe().get(2);

        assertThat(console.health()).isEqualTo("UP");
        assertThat(console.outbox()).isNull();
        assertThat(console.note()).isEqualTo("Outbox not read from http://localhost:" + port + "/actuator/metrics");
    }

    private OpsProperties with(List<OpsProperties.Service> services, String user, String password) {
        return new OpsProperties(properties.sampleInterval(), properties.history(), properties.stallAfter(), services,
                user, password, properties.careManagerUrl(), properties.replay(), properties.trace(), properties.alerts());
    }
}
