package com.leadflow.platform;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A minimal service built on the platform, for the platform's own tests: it consumes
 * {@code leads.status} a poll per transaction, each event once, and records what it applied. A summary containing "poison"
 * makes its handler fail every time; one containing "reject" makes it reject the event; one containing
 * "answer me" makes it record an "answered" event for the same lead.
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
        Mono<String> record(@PathVariable String leadId,
                @RequestParam(defaultValue = "from http") String summary) {
            return tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, status(leadId, summary)))
                    .map(Object::toString);
        }
    }

    static LeadStatusChanged status(String leadId, String summary) {
        return LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(java.time.Instant.now())
                .setReporter(com.leadflow.events.Reporter.REVIEW).setStage(com.leadflow.events.Stage.REVIEW)
                .setStatus(com.leadflow.events.LeadStatus.REVIEW_QUEUED).setSummary(summary).build();
    }

    @Bean
    com.leadflow.platform.security.AccessRules testRules() {
        return exchanges -> exchanges.pathMatchers("/test/**").permitAll();
    }

    @Bean
    AppliedEvents appliedEvents(DatabaseClient db, JdbcClient jdbc, Outbox outbox) {
        return new AppliedEvents(db, jdbc, outbox);
    }

    /** The test app's consumer of {@code leads.status}, on the platform's poll mechanism like every service's. */
    public static class AppliedEvents implements PollHandler<LeadStatusChanged> {
        private final DatabaseClient db;
        private final JdbcClient jdbc;
        private final Outbox outbox;

        AppliedEvents(DatabaseClient db, JdbcClient jdbc, Outbox outbox) {
            this.db = db;
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Override
        public Topic<String, LeadStatusChanged> topic() {
            return Topics.LEADS_STATUS;
        }

        @Override
        public void apply(List<Event<LeadStatusChanged>> events) {
            Event.each(events, event -> {
                String summary = event.value().getSummary();
                if (summary.contains("poison")) {
                    // the message quotes patient data on purpose: it must not reach the dead-letter headers
                    throw new IllegalStateException("could not handle Jane Q. Patient, 1961-04-12");
                }
                if (summary.contains("reject")) {
                    throw new EventRejectedException("summary asks to be rejected");
                }
                jdbc.sql("insert into applied_event (event_id, lead_id, summary) values (:e, :l, :s)")
                        .param("e", event.eventId())
                        .param("l", event.key())
                        .param("s", summary)
                        .update();
                // an event that causes another, as a service's status report answers a lead
                if (summary.contains("answer me")) {
                    outbox.add(event, Topics.LEADS_STATUS, event.key(), status(event.key(), "answered"));
                }
            });
        }

        public Mono<Long> countFor(String leadId) {
            return db.sql("select count(*) as n from applied_event where lead_id = :l").bind("l", leadId)
                    .map(row -> row.get("n", Long.class)).one();
        }
    }
}
