package com.leadflow.outreach.sms;

import com.leadflow.outreach.delivery.SendResult;

/** Where texts leave the practice. Implementations never log the number or the text. */
public interface SmsGateway {

    /**
     * @param to E.164
     * @param messageId outreach's id of the message, for gateways that accept an idempotency key
     */
    SendResult send(String to, String body, String messageId);
}
