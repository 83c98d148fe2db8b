package com.leadflow.review.queue;

import com.leadflow.events.ImagingAttached;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.ReactivePollHandler;
import com.leadflow.review.metrics.ReviewMetrics;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Where submitted leads and late imaging reach review: the platform applies each event once, a
 * poll per transaction ({@code review.leads.submitted}, {@code review.leads.imaging}); the queue's
 * depth is counted again once a poll changed it.
 */
@Configuration(proxyBeanMethods = false)
public class LeadEventsListener {

    @Bean
    ReactivePollHandler<LeadSubmitted> leadSubmittedHandler(ReviewAdmissions admissions, ReviewMetrics metrics) {
        return new Admitting<>(Topics.LEADS_SUBMITTED, admissions::leadSubmitted, metrics);
    }

    @Bean
    ReactivePollHandler<ImagingAttached> imagingAttachedHandler(ReviewAdmissions admissions, ReviewMetrics metrics) {
        return new Admitting<>(Topics.LEADS_IMAGING, admissions::imagingAttached, metrics);
    }

    /** Admits each event in turn, in the poll's transaction. */
    private record Admitting<V>(Topic<String, V> topic, Function<V, Mono<Void>> admit, ReviewMetrics metrics)
            implements ReactivePollHandler<V> {

        @Override
        public Mono<?> apply(List<Event<V>> events) {
            return Event.eachReactive(events, event -> admit.apply(event.value()));
        }

        @Override
        public void committed(List<Event<V>> applied) {
            metrics.queueChanged();
        }
    }
}
