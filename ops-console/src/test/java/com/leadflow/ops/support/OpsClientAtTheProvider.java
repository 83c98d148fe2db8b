package com.leadflow.ops.support;

import com.leadflow.test.LeadflowTestEnvironment;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The shared test environment, and the console's own token (client credentials) from the test
 * provider's ops client ({@code test-ops}, whose tokens carry the OPS role), as the stack's
 * {@code ops-console} client carries it. Staff sign in through the shared test client.
 */
public class OpsClientAtTheProvider extends LeadflowTestEnvironment {

    public static final String CLIENT_ID = "test-ops";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opsClientAtTheProvider", Map.of(
                "leadflow.ops.actuator-client-id", CLIENT_ID,
                "leadflow.ops.actuator-client-secret", CLIENT_ID + "-secret")));
    }
}
