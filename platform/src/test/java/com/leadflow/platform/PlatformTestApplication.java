package com.leadflow.platform;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.kafka.EventRejectedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A minimal service built on the platform, for the platform's own tests: it consumes
 * {@code leads.status} idempotently and records what it applied. A summary containing "poison"
 * makes its handler fail every time; one containing "reject" makes it reject the event.
 */
@SpringBootApplication
public class PlatformTestApplication {

    /** Records a status event for the lead named in the path, as a service's HTTP endpoint would. */
    @RestController
    static class NotesController {
        private final Outbox outbox;
        private final TransactionalOperator tx;

        NotesController(Outbox outbox, TransactionalOperator tx) {
            this.outbox = outbox;
            this.tx = tx;
        }

        @PostMapping("/test/leads/{leadId}/status")
        Mono<String> record(@PathVariable String leadId) {
            var event = LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(java.time.Instant.now())
                    .setReporter(com.leadflow.events.Reporter.REVIEW).setStage(com.leadflow.events.Stage.REVIEW)
                    .setStatus(com.leadflow.events.LeadStatus.REVIEW_QUEUED).setSummary("from http").build();
            return tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, event)).map(Object::toString);
        }
    }

    @Bean
    com.leadflow.platform.security.AccessRules testRules() {
        return exchanges -> exchanges.pathMatchers("/test/**").permitAll();
    }

    @Bean
    AppliedEvents appliedEvents(IdempotentConsumer idempotent, DatabaseClient db) {
        return new AppliedEvents(idempotent, db);
    }

    public static class AppliedEvents {
        private final IdempotentConsumer idempotent;
        private final DatabaseClient db;

        AppliedEvents(IdempotentConsumer idempotent, DatabaseClient db) {
            this.idempotent = idempotent;
            this.db = db;
        }

        @KafkaListener(topics = "leads.status", groupId = "platform-test-app")
        void on(ConsumerRecord<String, LeadStatusChanged> record) {
            idempotent.applyOnceBlocking("platform-test-app", record, () -> {
                String summary = record.value().getSummary();
                if (summary.contains("poison")) {
                    // the message quotes patient data on purpose: it must not reach the dead-letter headers
                    return Mono.error(new IllegalStateException("could not handle Jane Q. Patient, 1961-04-12"));
                }
                if (summary.contains("reject")) {
                    return Mono.error(new EventRejectedException("summary asks to be rejected"));
                }
                return db.sql("insert into applied_event (event_id, lead_id, summary) values (:e, :l, :s)")
                        .bind("e", IdempotentConsumer.eventId(record))
                        .bind("l", record.key())
                        .bind("s", summary)
                        .then();
            });
        }

        public Mono<Long> countFor(String leadId) {
            return db.sql("select count(*) as n from applied_event where lead_id = :l").bind("l", leadId)
                    .map(row -> row.get("n", Long.class)).one();
        }
    }
}
