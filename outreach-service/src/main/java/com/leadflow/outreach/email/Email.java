package com.leadflow.outreach.email;

/**
 * One email as composed: both parts, the one-click unsubscribe address of its headers and,
 * for the kit, the PDF.
 */
public record Email(String to, String subject, String text, String html, String unsubscribeUrl, byte[] pdf,
        String messageId) {
}
