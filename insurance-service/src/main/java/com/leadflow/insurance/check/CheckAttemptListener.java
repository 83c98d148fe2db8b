package com.leadflow.insurance.check;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.correlation.CorrelationLogging;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import java.math.BigInteger;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

/**
 * Runs checks from {@code insurance.checks}. A transient answer throws {@link PayerNotAnswering}, so
 * the record moves on to the next retry topic and comes back after its backoff; when the attempts
 * or the window are spent it reaches the dead-letter topic, where {@link #onDeadLetter} ends the
 * check as failed. Final answers are not retried. The retry topics are configured from
 * {@code leadflow.insurance.retry} in {@code CheckTopicConfiguration}.
 *
 * <p>The one listener that takes a record at a time rather than a poll (see the service README):
 * spring-kafka's retry topics do not serve batch listeners, and an attempt holds a payer call,
 * which must not keep a poll's transaction open. It needs no event-id claims either: each attempt
 * is applied once by its attempt number ({@link CheckAttempts}). Its database work is JDBC, in
 * transactions of its own around (never across) the payer call.
 */
public class CheckAttemptListener {

    /** The listener id, by the platform's naming scheme ({@code PollListeners.consumerName}). */
    public static final String ID = "insurance.insurance.checks";
    /** The consumer group, kept from before the naming scheme so a running system keeps its offsets. */
    public static final String GROUP = "insurance-check-attempts";

    private static final Logger log = LoggerFactory.getLogger(CheckAttemptListener.class);

    private final CheckAttempts attempts;
    private final Tracing tracing;

    public CheckAttemptListener(CheckAttempts attempts, Tracing tracing) {
        this.attempts = attempts;
        this.tracing = tracing;
    }

    @KafkaListener(id = ID, groupId = GROUP, topics = "#{T(com.leadflow.schemas.Topics).INSURANCE_CHECKS.name()}",
            containerFactory = "checkListenerFactory")
    public void on(ConsumerRecord<String, Object> record) {
        CheckTicket ticket = CheckTicket.from(record.value());
        int attempt = ticket.attempt() + deliveries(record) - 1;
        String correlationId = correlationId(record);
        Span span = tracing.consuming(record, ID, GROUP);
        CheckAttempts.Cause cause = new CheckAttempts.Cause(correlationId, span.getSpanContext());
        try {
            CheckAttempts.Outcome outcome = CorrelationLogging.with(cause.ids(), () -> phiFree(ticket.checkId(),
                    () -> attempts.attempt(ticket.checkId(), attempt, cause)));
            if (span.isRecording()) {
                span.setAttribute(Tracing.OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
            }
            if (outcome == CheckAttempts.Outcome.RETRY) {
                throw new PayerNotAnswering(ticket.checkId(), attempt);
            }
            if (outcome == CheckAttempts.Outcome.WINDOW_SPENT) {
                throw new RetryWindowSpent(ticket.checkId());
            }
        } finally {
            span.end();
        }
    }

    /** The end of a check's retries: it fails with a reason, unless it ended meanwhile. */
    public void onDeadLetter(ConsumerRecord<String, Object> record) {
        CheckTicket ticket;
        try {
            ticket = CheckTicket.from(record.value());
        } catch (EventRejectedException unreadable) {
            log.warn("A record on {} partition {} offset {} was dropped: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            return;
        }
        String correlationId = correlationId(record);
        Span span = tracing.consuming(record, ID, GROUP);
        CheckAttempts.Cause cause = new CheckAttempts.Cause(correlationId, span.getSpanContext());
        try {
            CorrelationLogging.with(cause.ids(), () -> phiFree(ticket.checkId(), () -> attempts.giveUp(ticket.checkId(), cause)));
        } finally {
            span.end();
        }
    }

    /** The correlation id the ticket carries from the submission that opened the check. */
    private static String correlationId(ConsumerRecord<?, ?> record) {
        return Correlation.acceptOrCreate(EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID).orElse(null));
    }

    /**
     * Runs the work; a failure (e.g. of the database) is retried like a transient answer, but as an
     * exception that names only the check and the failure's type: the retry and dead-letter records
     * carry the exception's message and stack, and a driver's message may quote the data.
     */
    private static <T> T phiFree(UUID checkId, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException failure) {
            log.error("Check {} could not be attempted ({})", checkId, failure.getClass().getName());
            throw new AttemptNotRecorded(checkId, failure.getClass().getName());
        }
    }

    /** Deliveries of this record so far, this one included: 1 on the checks topic, more on its retry topics. */
    static int deliveries(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
        if (header == null || header.value() == null || header.value().length == 0) {
            return 1;
        }
        return Math.max(1, new BigInteger(header.value()).intValue());
    }

    /** The payer could not answer now; retried on the retry topics. Names the check and attempt only. */
    public static final class PayerNotAnswering extends RuntimeException {
        PayerNotAnswering(UUID checkId, int attempt) {
            super("Check " + checkId + " attempt " + attempt + ": the payer could not answer", null, false, false);
        }
    }

    /** An attempt could not be made or recorded; retried. */
    public static final class AttemptNotRecorded extends RuntimeException {
        AttemptNotRecorded(UUID checkId, String failureType) {
            super("Check " + checkId + ": the attempt could not be recorded (" + failureType + ")", null, false, false);
        }
    }

    /** The check's retry window was over before its next attempt; not retried. */
    public static final class RetryWindowSpent extends RuntimeException {
        RetryWindowSpent(UUID checkId) {
            super("Check " + checkId + ": the retry window is spent", null, false, false);
        }
    }
}
