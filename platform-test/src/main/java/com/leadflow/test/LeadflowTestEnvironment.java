package com.leadflow.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at the real pieces: the Apicurio registry process, the identity
 * provider process, a fresh PostgreSQL schema, quick retries. The broker comes from {@code @EmbeddedKafka} (or a container).
 */
public class LeadflowTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String service = env.getProperty("spring.application.name", "svc").replace("-service", "");
        Map<String, Object> props = new HashMap<>();
        // @EmbeddedKafka publishes its address as a JVM-wide system property, which the next
        // context's broker overwrites; pin this context to the broker started for it
        String brokers = System.getProperty(BOOTSTRAP_SERVERS);
        if (brokers != null && brokers.equals(env.getProperty(BOOTSTRAP_SERVERS))) {
            props.put(BOOTSTRAP_SERVERS, brokers);
        }
        props.put("leadflow.kafka.registry-url", ApicurioRegistryServer.get().registryUrl());
        if (!env.containsProperty("leadflow.database.url")) {
            props.put("leadflow.database.url", PostgresTestDatabase.jdbcUrl());
            props.put("leadflow.database.username", PostgresTestDatabase.user());
            props.put("leadflow.database.password", PostgresTestDatabase.password());
        }
        props.put("leadflow.database.schema", PostgresTestDatabase.newSchema(service));
        // many cached contexts share one PostgreSQL: keep each context's pool small
        props.put("spring.r2dbc.pool.initial-size", "1");
        props.put("spring.r2dbc.pool.max-size", "4");
        props.put("leadflow.kafka.retry.initial-interval", "50ms");
        props.put("leadflow.kafka.retry.max-interval", "200ms");
        props.put("leadflow.kafka.retry.max-attempts", "3");
        props.put("spring.kafka.consumer.properties.[metadata.max.age.ms]", "1000");
        // staff sign in at the real identity provider (a process shared by the test JVM, started in the
        // background: services read its discovery document only when someone first signs in or sends a
        // token); API tests may also use the demo users over HTTP Basic
        if (!env.containsProperty("leadflow.security.issuer-uri")) {
            props.put("leadflow.security.issuer-uri", IdentityProviderServer.get().issuer());
            props.put("leadflow.security.client-id", IdentityProviderServer.SERVICE_CLIENT_ID);
            props.put("leadflow.security.client-secret", IdentityProviderServer.SERVICE_CLIENT_SECRET);
        }
        if (!env.containsProperty("leadflow.security.demo-users-enabled")) {
            props.put("leadflow.security.demo-users-enabled", "true");
        }
        env.getPropertySources().addFirst(new MapPropertySource("leadflowTestEnvironment", props));
    }
}
