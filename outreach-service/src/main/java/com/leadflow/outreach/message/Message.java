package com.leadflow.outreach.message;

import com.leadflow.outreach.recipient.Channel;
import java.time.Instant;
import java.util.UUID;

/** One message to a visitor and how far it got; the reason is plain words without PHI. */
public record Message(UUID id, UUID leadId, String purpose, MessageKind kind, Channel channel, MessageState state,
        int attempts, Instant dueAt, String reason, Instant createdAt, Instant sentAt, String requestedBy) {
}
