package com.leadflow.review.queue;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.review.metrics.ReviewMetrics;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where submitted leads and late imaging reach review: the platform applies each event once, a
 * poll per JDBC transaction on the listener's thread ({@code review.leads.submitted},
 * {@code review.leads.imaging}); the queue's depth is counted again once a poll changed it.
 * Submitted leads are admitted a poll at a time, in multi-row statements; late imaging is rare and
 * is applied one event after another.
 */
@Configuration(proxyBeanMethods = false)
public class LeadEventsListener {

    @Bean
    PollHandler<LeadSubmitted> leadSubmittedHandler(ReviewAdmissions admissions, ReviewMetrics metrics) {
        return new Admitting<>(Topics.LEADS_SUBMITTED, admissions::leadsSubmitted, metrics);
    }

    @Bean
    PollHandler<ImagingAttached> imagingAttachedHandler(ReviewAdmissions admissions, ReviewMetrics metrics) {
        return new Admitting<>(Topics.LEADS_IMAGING, events -> Event.each(events, admissions::imagingAttached), metrics);
    }

    /** Admits the poll's events in the poll's transaction. */
    private record Admitting<V>(Topic<String, V> topic, Consumer<List<Event<V>>> admit, ReviewMetrics metrics)
            implements PollHandler<V> {

        @Override
        public void apply(List<Event<V>> events) {
            admit.accept(events);
        }

        @Override
        public void committed(List<Event<V>> applied) {
            metrics.queueChanged();
        }
    }
}
