package com.leadflow.platform.kafka;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Tags Spring's own listener timers ({@code spring.kafka.listener}) with the topic and the consumer
 * group, so ops see which topic a handler time belongs to instead of a container's bean name.
 */
public final class ListenerTags {

    private ListenerTags() {
    }

    public static void add(AbstractMessageListenerContainer<?, ?> container) {
        var properties = container.getContainerProperties();
        Map<String, String> tags = new LinkedHashMap<>(properties.getMicrometerTags());
        String[] topics = properties.getTopics();
        if (topics != null && topics.length > 0) {
            tags.put("topic", String.join(",", Arrays.asList(topics)));
        }
        String group = container.getGroupId();
        if (group != null) {
            tags.put("group", group);
        }
        properties.setMicrometerTags(tags);
    }
}
