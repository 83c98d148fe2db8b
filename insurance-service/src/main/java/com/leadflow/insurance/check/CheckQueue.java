package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.CheckState;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends checks to be attempted on {@value #TOPIC} (keyed by lead id). A check is sent after the
 * transaction that opened it committed; if the send is lost, {@link StalledCheckSweep} sends it
 * again once its next attempt is overdue, so a check is never forgotten.
 */
public class CheckQueue {

    public static final String TOPIC = "insurance.checks";

    private static final Logger log = LoggerFactory.getLogger(CheckQueue.class);

    private final KafkaTemplate<String, String> template;

    public CheckQueue(KafkaTemplate<String, String> template) {
        this.template = template;
    }

    /** The String template the retry topics are written with too. */
    public KafkaTemplate<String, String> template() {
        return template;
    }

    /** Closes the producers (the template's factory is this queue's own). */
    public void close() {
        if (template.getProducerFactory() instanceof DisposableBean factory) {
            try {
                factory.destroy();
            } catch (Exception closing) {
                log.warn("Closing the check producers failed ({})", closing.getClass().getName());
            }
        }
    }

    /** Sends a committed check that is in progress for its next attempt; does nothing for an ended one. */
    public CompletableFuture<Void> send(EligibilityCheck check) {
        if (check == null || check.state() != CheckState.IN_PROGRESS) {
            return CompletableFuture.completedFuture(null);
        }
        CheckTicket ticket = new CheckTicket(check.id(), check.attempts() + 1);
        return template.send(TOPIC, check.leadId(), ticket.toJson())
                .<Void>thenApply(sent -> null)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        // the sweep sends it again when its next attempt is overdue
                        log.warn("Check {} could not be sent for attempt {} ({})", check.id(), ticket.attempt(),
                                failure.getClass().getName());
                    }
                });
    }
}
