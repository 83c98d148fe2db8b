package com.leadflow.platform.consumer;

import com.leadflow.platform.tracing.Tracing;
import com.leadflow.schemas.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * Starts one listener per {@link PollHandler} bean, all named one way: the listener id, its consumer
 * group and the name its event ids are claimed under are {@link #consumerName}, e.g.
 * {@code review.leads.submitted}; the topic comes from the handler's catalog entry. Each listener
 * receives whole polls ({@link PollConsumer}).
 *
 * <p>A group of its own per listener, not one per service: with Kafka's classic group protocol the
 * group's leader (one of its members) assigns every member's partitions from its own metadata, which
 * holds only its own topic until the assignment asks for the others. In a group of a service's
 * listeners on different topics the leader therefore handed the other listeners nothing, noticed the
 * new metadata, rebalanced again, and where the metadata was refreshed before the next assignment
 * (every second in the tests) did so forever: review's leads.submitted listener got no partition for
 * minutes while its leads.imaging listener led. In a group whose members all read one topic the
 * leader always knows it, and one listener's join no longer stops the service's others.
 */
public class PollListeners implements KafkaListenerConfigurer {

    private final ObjectProvider<PollHandler<?>> handlers;
    private final IdempotentConsumer idempotent;
    private final MeterRegistry meters;
    private final String service;
    private final Tracing tracing;
    private final PollLinger linger;

    public PollListeners(ObjectProvider<PollHandler<?>> handlers, IdempotentConsumer idempotent, MeterRegistry meters,
            String service, Tracing tracing, PollLinger linger) {
        this.linger = linger;
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

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        Set<String> names = new HashSet<>();
        handlers.orderedStream().forEach(handler -> {
            String name = uniqueName(names, handler.topic());
            registrar.registerEndpoint(new PollEndpoint(name, name, handler.topic().name(),
                    new PollConsumer<>(handler, name, name, idempotent, meters, tracing, linger)));
        });
    }

    private String uniqueName(Set<String> names, Topic<?, ?> topic) {
        String name = consumerName(service, topic);
        if (!names.add(name)) {
            throw new IllegalStateException("Two poll handlers of " + service + " consume " + topic
                    + "; one handler per topic");
        }
        return name;
    }

    /** A batch listener on one topic, built by the container factory like an annotated one. */
    private record PollEndpoint(String id, String groupId, String topic, PollConsumer<?> listener)
            implements KafkaListenerEndpoint {

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
            return List.of(topic);
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
