package com.leadflow.review.queue;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.review.metrics.ReviewMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads the lead topics; each event is applied once, however often it is delivered. */
@Component
public class LeadEventsListener {

    private final IdempotentConsumer idempotent;
    private final ReviewAdmissions admissions;
    private final ReviewMetrics metrics;

    public LeadEventsListener(IdempotentConsumer idempotent, ReviewAdmissions admissions, ReviewMetrics metrics) {
        this.idempotent = idempotent;
        this.admissions = admissions;
        this.metrics = metrics;
    }

    @KafkaListener(topics = "#{T(com.leadflow.schemas.Topics).LEADS_SUBMITTED.name()}", groupId = "review-service")
    void onLeadSubmitted(ConsumerRecord<String, LeadSubmitted> record) {
        if (idempotent.applyOnceBlocking("review.leads-submitted", record, () -> admissions.leadSubmitted(record.value()))) {
            metrics.queueChanged();
        }
    }

    @KafkaListener(topics = "#{T(com.leadflow.schemas.Topics).LEADS_IMAGING.name()}", groupId = "review-service")
    void onImagingAttached(ConsumerRecord<String, ImagingAttached> record) {
        if (idempotent.applyOnceBlocking("review.leads-imaging", record, () -> admissions.imagingAttached(record.value()))) {
            metrics.queueChanged();
        }
    }
}
