package com.leadflow.outreach.sms;

import com.leadflow.outreach.delivery.SendResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The local stack's SMS gateway: sends nothing, records what it would have sent (the latest 200,
 * in memory), shown to care managers at {@code /local/texts}.
 */
public class SimulatedSmsGateway implements SmsGateway {

    private static final int KEEP = 200;

    public record Text(Instant at, String to, String body, String providerId) {
    }

    private final Deque<Text> sent = new ArrayDeque<>();
    private final Clock clock;

    public SimulatedSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized SendResult send(String to, String body, String messageId) {
        String providerId = "SM" + UUID.randomUUID().toString().replace("-", "");
        sent.addFirst(new Text(clock.instant(), to, body, providerId));
        while (sent.size() > KEEP) {
            sent.removeLast();
        }
        return new SendResult.Accepted(providerId);
    }

    /** Newest first. */
    public synchronized List<Text> sent() {
        return List.copyOf(sent);
    }
}
