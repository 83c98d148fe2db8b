package com.leadflow.intake;

import com.leadflow.test.LeadflowIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole intake service against the real broker, registry and PostgreSQL. Every intake
 * integration test uses exactly this, so they share one Spring context. Tests tell clients apart
 * by X-Forwarded-For (trusted here as if behind the practice's proxy), so rate limits of one test
 * never spill into another.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
@TestPropertySource(properties = {
        "leadflow.intake.trust-forwarded-for=true",
        "leadflow.intake.rate-limit.capacity=10",
        "leadflow.intake.rate-limit.refill-every=1m",
        "leadflow.intake.imaging.max-file-size=64KB",
        "leadflow.intake.imaging.directory=target/test-imaging",
        "leadflow.intake.imaging.archive.max-entries=40",
        "leadflow.intake.speed-to-lead.overdue-after=1s"
})
public @interface IntakeIntegrationTest {
}
