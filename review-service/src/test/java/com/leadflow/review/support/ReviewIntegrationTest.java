package com.leadflow.review.support;

import com.leadflow.test.MutableClock;
import com.leadflow.test.LeadflowIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The one Spring context every review integration test shares: the whole service against the
 * embedded broker, the real registry and PostgreSQL, with a clock the tests move by hand. The
 * tests run the queue sweep by hand too: a scheduled sweep that read the real clock (later than
 * the tests' fixed days) just before a test set its own would return that test's fresh leases
 * to the queue.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
@Import(ReviewIntegrationTest.TestClock.class)
@TestPropertySource(properties = "leadflow.review.sweep-interval=PT24H")
public @interface ReviewIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
