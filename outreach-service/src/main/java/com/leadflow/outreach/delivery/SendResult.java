package com.leadflow.outreach.delivery;

/** What a gateway answered. Reasons are plain words and never hold the address or the text. */
public sealed interface SendResult {

    /** The server took the message; {@code providerId} is its id for it, if it gave one. */
    record Accepted(String providerId) implements SendResult {
    }

    /** Worth trying again later: the server was away, busy or said "try later". */
    record Transient(String reason) implements SendResult {
    }

    /**
     * Will never succeed as it stands. {@code badAddress}: the address itself was refused (a bounce,
     * an invalid number), so it goes on the suppression list.
     */
    record Permanent(String reason, boolean badAddress) implements SendResult {
    }
}
