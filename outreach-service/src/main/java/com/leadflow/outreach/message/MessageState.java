package com.leadflow.outreach.message;

/** Where a message stands. */
public enum MessageState {
    /** Due now, or retrying after a transient failure at {@code due_at}. */
    PENDING,
    /** Held for quiet hours until {@code due_at}. */
    DEFERRED,
    SENT,
    /** Could not be delivered; the reason says why. */
    FAILED,
    /** Not sent: the visitor opted out, the consent does not cover the channel, or the address bounced before. */
    SUPPRESSED,
    /** A kit for the care team to post by hand. */
    TO_MAIL
}
