package com.leadflow.outreach.delivery;

import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.kit.KitPdf;
import com.leadflow.outreach.link.AccessTokens;
import com.leadflow.outreach.link.StatusLinks;
import com.leadflow.outreach.message.Message;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.Channel;
import com.leadflow.outreach.recipient.Recipient;
import com.leadflow.outreach.sms.SmsGateway;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Composes a message and hands it to its gateway, in two steps so that a batch's links are stored
 * together: {@link #prepare} asks intake for the visitor's status link (it never rides on a topic;
 * when intake cannot answer the message waits and tries again) and makes the secret of the link the
 * message carries; the caller stores the batch's links (and commits them, so they work the moment a
 * message arrives) and then {@link #send}s each, the emails over one connection. The kit's PDF is made at sending, for this visitor.
 */
@Component
public class Dispatch {

    /** Long enough that an unsubscribe link in an old email still works: CAN-SPAM asks for 30 days at least. */
    private static final Duration UNSUBSCRIBE_VALID_FOR = Duration.ofDays(3650);

    /** The outcome and, for the timeline, how it went out. */
    public record Sent(SendResult result, String how) {
    }

    /**
     * A message ready to go by its (planned) channel: the status link, if intake knows one, and the
     * link to store before it is sent (an email's unsubscribe link, a text's kit link), or null.
     */
    public record Ready(Message message, Recipient to, String statusUrl, AccessTokens.Issued link) {
    }

    private final Composer composer;
    private final KitPdf kit;
    private final EmailGateway email;
    private final SmsGateway sms;
    private final StatusLinks statusLinks;
    private final OutreachProperties properties;
    /** The practice's public address without a trailing slash, made once: links are made per message. */
    private final String publicUrl;

    public Dispatch(Composer composer, KitPdf kit, EmailGateway email, SmsGateway sms, StatusLinks statusLinks,
            OutreachProperties properties) {
        this.composer = composer;
        this.kit = kit;
        this.email = email;
        this.sms = sms;
        this.statusLinks = statusLinks;
        this.properties = properties;
        this.publicUrl = properties.practice().publicUrl().toString().replaceAll("/+$", "");
    }

    /** @throws StatusLinks.Unavailable when intake could not give the status link just now */
    public Ready prepare(Message message, Recipient to, String addressHash, Instant now) {
        String statusUrl = statusLinks.of(to.leadId()).orElse(null);
        AccessTokens.Issued link = null;
        if (message.channel() == Channel.EMAIL) {
            link = AccessTokens.create(AccessTokens.Purpose.UNSUBSCRIBE, message.id(), to.leadId(), Channel.EMAIL,
                    addressHash, now, now.plus(UNSUBSCRIBE_VALID_FOR));
        } else if (message.kind() == MessageKind.INFO_KIT) {
            link = AccessTokens.create(AccessTokens.Purpose.KIT, message.id(), to.leadId(), Channel.TEXT,
                    addressHash, now, now.plus(properties.delivery().kitLinkValidFor()));
        }
        return new Ready(message, to, statusUrl, link);
    }

    /** A connection to the mail server for a batch's emails; close it when the batch is sent. */
    public EmailGateway.Connection mailConnection() {
        return email.connection();
    }

    /** Sends a prepared message, an email over {@code smtp}; its link must have been stored. */
    public Sent send(Ready ready, EmailGateway.Connection smtp) {
        Message message = ready.message();
        Recipient to = ready.to();
        String language = to.locale().getLanguage().equals("es") ? "Spanish" : "English";
        if (message.channel() == Channel.EMAIL) {
            byte[] pdf = message.kind() == MessageKind.INFO_KIT ? kit.render(to) : null;
            Email composed = composer.email(message.kind(), to, link("/unsubscribe/", ready.link().token()),
                    ready.statusUrl(), pdf, message.id());
            return new Sent(smtp.send(composed), pdf == null ? "by email (" + language + ")"
                    : "by email with the PDF attached (" + language + ")");
        }
        String kitUrl = ready.link() == null ? null : link("/kit/", ready.link().token());
        String body = composer.text(message.kind(), to, kitUrl, ready.statusUrl());
        return new Sent(sms.send(to.phone(), body, message.id().toString()), kitUrl == null
                ? "by text (" + language + ")" : "by text with a private download link (" + language + ")");
    }

    private String link(String path, String token) {
        return publicUrl + path + token;
    }
}
