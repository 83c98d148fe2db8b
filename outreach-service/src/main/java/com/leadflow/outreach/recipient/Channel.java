package com.leadflow.outreach.recipient;

/** How a message reaches a visitor; {@code MAIL} is the care team posting a kit by hand. */
public enum Channel {
    EMAIL, TEXT, MAIL;

    /** In plain words, for timeline summaries. */
    public String words() {
        return switch (this) {
            case EMAIL -> "email";
            case TEXT -> "text message";
            case MAIL -> "post";
        };
    }
}
