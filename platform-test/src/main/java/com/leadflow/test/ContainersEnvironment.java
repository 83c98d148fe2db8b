package com.leadflow.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers variant of {@link LeadflowTestEnvironment}: Kafka and PostgreSQL in
 * containers, started once per JVM. Used only where a Docker engine runs; elsewhere the tests
 * that use it are skipped by {@code @Testcontainers(disabledWithoutDocker = true)}.
 */
public class ContainersEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static KafkaContainer kafka;
    private static PostgreSQLContainer<?> postgres;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", kafka.getBootstrapServers());
        props.put("leadflow.database.url", postgres.getJdbcUrl());
        props.put("leadflow.database.username", postgres.getUsername());
        props.put("leadflow.database.password", postgres.getPassword());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("leadflowContainers", props));
        new LeadflowTestEnvironment().initialize(context);
    }

    private static synchronized void start() {
        if (kafka == null) {
            // the broker's side of KIP-848's consumer group protocol, as docker-compose.yml sets it (the services use the
            // classic protocol with a 6 s session of their own)
            kafka = new KafkaContainer("apache/kafka:4.1.2")
                    .withEnv("KAFKA_GROUP_CONSUMER_SESSION_TIMEOUT_MS", "6000")
                    .withEnv("KAFKA_GROUP_CONSUMER_MIN_SESSION_TIMEOUT_MS", "6000")
                    .withEnv("KAFKA_GROUP_CONSUMER_HEARTBEAT_INTERVAL_MS", "2000")
                    .withEnv("KAFKA_GROUP_CONSUMER_MIN_HEARTBEAT_INTERVAL_MS", "2000");
            postgres = new PostgreSQLContainer<>("postgres:15-alpine");
            kafka.start();
            postgres.start();
        }
    }
}
