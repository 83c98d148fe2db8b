package com.leadflow.ops.support;

import com.leadflow.test.LeadflowIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The console against the real pieces, sampling every second, with a test consumer on
 * {@code leads.status} that refuses events while told to (for the replay scenario), signing staff in
 * and reading metrics as the provider's ops client. One context for every console test: one
 * broker, one schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
@Import(RefusingStatusConsumer.class)
@ContextConfiguration(initializers = OpsClientAtTheProvider.class)
@TestPropertySource(properties = {
        "leadflow.ops.sample-interval=1s",
        "leadflow.ops.stall-after=3s",
        "leadflow.ops.replay.cap=2",
        // a service that is not running: the console must say so, not fail
        "leadflow.ops.services[0].name=absent-service",
        "leadflow.ops.services[0].url=http://127.0.0.1:9",
        "leadflow.ops.alerts.for-duration=1s"
})
public @interface OpsConsoleIntegrationTest {
}
