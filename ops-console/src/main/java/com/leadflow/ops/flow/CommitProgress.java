package com.leadflow.ops.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * When each group's committed offset on each partition last moved. A group is stalled on a
 * partition when it has lag there and its offset has not moved for the stall time: it is
 * connected (or not) but not getting anywhere.
 */
final class CommitProgress {

    private final Map<Key, Seen> seen = new HashMap<>();

    /** Notes the committed offset and returns since when it has had this value. */
    Instant observe(String group, TopicPartition partition, long committed, Instant now) {
        Key key = new Key(group, partition);
        Seen before = seen.get(key);
        if (before == null || before.offset() != committed) {
            seen.put(key, new Seen(committed, now));
            return now;
        }
        return before.since();
    }

    static boolean stalled(long lag, Instant unchangedSince, Instant now, Duration stallAfter) {
        return lag > 0 && !Duration.between(unchangedSince, now).minus(stallAfter).isNegative();
    }

    /** Forgets groups and partitions that are gone, so the map stays as small as the cluster. */
    void retainOnly(Set<String> groups) {
        seen.keySet().removeIf(key -> !groups.contains(key.group()));
    }

    private record Key(String group, TopicPartition partition) {
    }

    private record Seen(long offset, Instant since) {
    }
}
