package com.leadflow.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full service on a random port against real pieces: spring-kafka-test's embedded KRaft broker,
 * the real Apicurio registry (a process shared by the test JVM) and PostgreSQL (a schema of its
 * own per context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the broker's side of KIP-848's consumer group protocol, as the local stack sets it, for a consumer that uses it (the
// services use the classic protocol with a 6 s session since the eighth session); without
// it a listener that joins after another waits up to two 5 s heartbeats for its partitions
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "group.consumer.session.timeout.ms=6000", "group.consumer.min.session.timeout.ms=6000",
        "group.consumer.heartbeat.interval.ms=2000", "group.consumer.min.heartbeat.interval.ms=2000"})
@ContextConfiguration(initializers = LeadflowTestEnvironment.class)
public @interface LeadflowIntegrationTest {
}
