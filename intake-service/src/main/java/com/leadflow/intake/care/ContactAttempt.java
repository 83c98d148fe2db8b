package com.leadflow.intake.care;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A care manager's attempt to reach a visitor. Only choices, no free text, so the timeline stays
 * free of PHI. Each channel has the outcomes that can happen on it: a phone call can go unanswered
 * or reach a wrong number, an email can bounce but not be "no answer". Only {@link Outcome#REACHED}
 * (spoke with them, or they replied) stops the speed-to-lead clock.
 */
public record ContactAttempt(Channel channel, Outcome outcome) {

    public enum Channel { PHONE, TEXT, EMAIL }

    public enum Outcome { REACHED, LEFT_MESSAGE, NO_ANSWER, WRONG_NUMBER, SENT, BOUNCED }

    /** The outcomes each channel allows, in the order a person picks them. */
    public static final Map<Channel, List<Outcome>> OUTCOMES = Map.of(
            Channel.PHONE, List.of(Outcome.REACHED, Outcome.LEFT_MESSAGE, Outcome.NO_ANSWER, Outcome.WRONG_NUMBER),
            Channel.TEXT, List.of(Outcome.SENT, Outcome.REACHED, Outcome.WRONG_NUMBER),
            Channel.EMAIL, List.of(Outcome.SENT, Outcome.REACHED, Outcome.BOUNCED));

    public ContactAttempt {
        if (!allowed(channel).contains(outcome)) {
            throw new IllegalArgumentException("outcome does not fit the channel");
        }
    }

    public static Set<Outcome> allowed(Channel channel) {
        return EnumSet.copyOf(OUTCOMES.get(channel));
    }

    public boolean reaches() {
        return outcome == Outcome.REACHED;
    }

    /** Plain words for the timeline, e.g. "Phone: no answer". */
    public String summary() {
        String how = channel.name().charAt(0) + channel.name().substring(1).toLowerCase(Locale.ROOT);
        return how + ": " + outcome.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
