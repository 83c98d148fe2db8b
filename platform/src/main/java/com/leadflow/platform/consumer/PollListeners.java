package com.leadflow.platform.consumer;

import com.leadflow.platform.tracing.Tracing;
import com.leadflow.schemas.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * Starts one listener per service for all its {@link PollHandler} beans: one consumer reads every
 * topic the service consumes, so a poll is one fetch and one transaction whichever topics its records
 * come from (a service on two topics no longer pays two consumers' fetches, polls, commits and
 * heartbeats). Named one way: a topic's event ids are claimed under {@link #consumerName}
 * ({@code review.leads.submitted}); the listener id and its consumer group are
 * {@link #listenerName}, the service's short name and its topics ({@code review.leads.submitted+leads.imaging},
 * {@code intake.leads.status} for a service on one topic). Each listener receives whole polls
 * ({@link PollConsumer}).
 *
 * <p>Not a group of a service's listeners on different topics: with Kafka's classic group protocol
 * the group's leader (one of its members) assigns every member's partitions from its own metadata,
 * which holds only its own subscription until the assignment asks for the others. In a group of
 * listeners on different topics the leader therefore handed the other listeners nothing, noticed the
 * new metadata, rebalanced again, and where the metadata was refreshed before the next assignment
 * (every second in the tests) did so forever (review's leads.submitted listener got no partition for
 * minutes while its leads.imaging listener led). Every member of a group here, the service's
 * instances, subscribes to the same topics, so the leader always knows them all.
 */
public class PollListeners implements KafkaListenerConfigurer {

    private final ObjectProvider<PollHandler<?>> handlers;
    private final IdempotentConsumer idempotent;
    private final MeterRegistry meters;
    private final String service;
    private final Tracing tracing;
    private final PollLinger linger;
    private final PollFetch fetch;

    /** @param fetch how long the broker may hold the listener's fetches to gather records ({@link PollFetch#off()}: not) */
    public PollListeners(ObjectProvider<PollHandler<?>> handlers, IdempotentConsumer idempotent, MeterRegistry meters,
            String service, Tracing tracing, PollLinger linger, PollFetch fetch) {
        this.linger = linger;
        this.fetch = fetch;
        this.tracing = tracing;
        this.handlers = handlers;
        this.idempotent = idempotent;
        this.meters = meters;
        this.service = service;
    }

    /**
     * The one naming scheme for a service's consumer of a topic: the service's short name and the
     * topic, {@code <service>.<topic>} ({@code intake-service} on {@code leads.status} is
     * {@code intake.leads.status}). Used as the listener id and as the processed-event consumer name.
     */
    public static String consumerName(String service, Topic<?, ?> topic) {
        return shortName(service) + "." + topic.name();
    }

    static String shortName(String service) {
        return service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
    }

    /**
     * The listener id and consumer group of a service's one listener: its short name and its topics
     * in the order their handlers are declared, {@code <service>.<topic>+<topic>}; for one topic the
     * same as {@link #consumerName}, so a service that consumed one topic before keeps its offsets.
     */
    public static String listenerName(String service, List<? extends Topic<?, ?>> topics) {
        return shortName(service) + "." + String.join("+", topics.stream().map(Topic::name).toList());
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        List<PollHandler<?>> all = handlers.orderedStream().toList();
        if (all.isEmpty()) {
            return;
        }
        List<Topic<?, ?>> topics = all.stream().<Topic<?, ?>>map(PollHandler::topic).toList();
        String name = listenerName(service, topics);
        PollConsumer listener = new PollConsumer(all, topic -> consumerName(service, topic), name, idempotent,
                meters, tracing, linger);
        registrar.registerEndpoint(new PollEndpoint(name, name, listener.topics(), listener, fetch.consumerProperties()));
    }

    /** A batch listener on the service's topics, built by the container factory like an annotated one. */
    private record PollEndpoint(String id, String groupId, List<String> topics, PollConsumer listener,
            Properties consumerProperties) implements KafkaListenerEndpoint {

        @Override
        public Properties getConsumerProperties() {
            return consumerProperties;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getGroupId() {
            return groupId;
        }

        @Override
        public String getGroup() {
            return null;
        }

        @Override
        public Collection<String> getTopics() {
            return topics;
        }

        @Override
        public TopicPartitionOffset[] getTopicPartitionsToAssign() {
            return new TopicPartitionOffset[0];
        }

        @Override
        public Pattern getTopicPattern() {
            return null;
        }

        @Override
        public String getClientIdPrefix() {
            return null;
        }

        @Override
        public Integer getConcurrency() {
            return null;
        }

        @Override
        public Boolean getAutoStartup() {
            return null;
        }

        @Override
        public Boolean getBatchListener() {
            return true;
        }

        @Override
        public boolean isSplitIterables() {
            return false;
        }

        @Override
        public void setupListenerContainer(MessageListenerContainer container, MessageConverter converter) {
            container.setupMessageListener(listener);
        }
    }
}
