package com.leadflow.outreach.recipient;

import com.leadflow.events.ContactChannel;
import java.util.Optional;
import java.util.Set;

/**
 * What the stored consent covers. Email needs the visitor's consent and an address. A text needs
 * the consent, a number and a disclosure text that named text messages (the versions listed in
 * {@code leadflow.outreach.text-consent-disclosures}): a visitor who agreed to a text that did not
 * mention texts gets none.
 */
public final class Consent {

    private final Set<String> textDisclosures;

    public Consent(Set<String> textDisclosures) {
        this.textDisclosures = Set.copyOf(textDisclosures);
    }

    public boolean allows(Channel channel, Recipient to) {
        return switch (channel) {
            case EMAIL -> to.contactConsent() && present(to.email());
            case TEXT -> to.contactConsent() && present(to.phone()) && textDisclosures.contains(to.disclosureVersion());
            case MAIL -> true;
        };
    }

    /** Why a channel is not allowed, in plain words for the timeline. */
    public String whyNot(Channel channel, Recipient to) {
        if (!to.contactConsent()) {
            return "the visitor gave no consent to be contacted";
        }
        return switch (channel) {
            case EMAIL -> "no email address";
            case TEXT -> !present(to.phone()) ? "no phone number" : "the consent the visitor gave does not cover texts";
            case MAIL -> "";
        };
    }

    /** The info kit goes by email (as an attachment), else by text (a private link), else by post. */
    public Channel forKit(Recipient to) {
        if (allows(Channel.EMAIL, to)) {
            return Channel.EMAIL;
        }
        return allows(Channel.TEXT, to) ? Channel.TEXT : Channel.MAIL;
    }

    /** A short note goes the way the visitor preferred when it can, else the other allowed way. */
    public Optional<Channel> forNote(Recipient to) {
        Channel first = to.preferredChannel() == ContactChannel.TEXT ? Channel.TEXT : Channel.EMAIL;
        Channel second = first == Channel.TEXT ? Channel.EMAIL : Channel.TEXT;
        if (allows(first, to)) {
            return Optional.of(first);
        }
        return allows(second, to) ? Optional.of(second) : Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
