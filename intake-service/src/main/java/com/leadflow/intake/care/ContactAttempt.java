package com.leadflow.intake.care;

/**
 * A care manager's attempt to reach a visitor. Only choices, no free text, so the timeline stays
 * free of PHI.
 */
public record ContactAttempt(Channel channel, Outcome outcome) {

    public enum Channel { PHONE, EMAIL, TEXT }

    public enum Outcome { REACHED, LEFT_MESSAGE, NO_ANSWER, WRONG_NUMBER, SENT }

    /** Plain words for the timeline, e.g. "Phone: no answer". */
    public String summary() {
        String how = channel.name().charAt(0) + channel.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return how + ": " + outcome.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }
}
