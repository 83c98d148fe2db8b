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
 * Composes a message and hands it to its gateway. The links it carries are issued (and committed:
 * one insert, in a statement of its own) first, so they work the moment the message arrives; the visitor's status link is asked of intake
 * now (it never rides on a topic), and when intake cannot answer the message waits and tries again;
 * the kit's PDF is made now, for this visitor.
 */
@Component
public class Dispatch {

    /** Long enough that an unsubscribe link in an old email still works: CAN-SPAM asks for 30 days at least. */
    private static final Duration UNSUBSCRIBE_VALID_FOR = Duration.ofDays(3650);

    /** The outcome and, for the timeline, how it went out. */
    public record Sent(SendResult result, String how) {
    }

    private final Composer composer;
    private final KitPdf kit;
    private final EmailGateway email;
    private final SmsGateway sms;
    private final AccessTokens tokens;
    private final StatusLinks statusLinks;
    private final OutreachProperties properties;

    public Dispatch(Composer composer, KitPdf kit, EmailGateway email, SmsGateway sms, AccessTokens tokens,
            StatusLinks statusLinks, OutreachProperties properties) {
        this.composer = composer;
        this.kit = kit;
        this.email = email;
        this.sms = sms;
        this.tokens = tokens;
        this.statusLinks = statusLinks;
        this.properties = properties;
    }

    public Sent send(Message message, Recipient to, String addressHash, Instant now) {
        String language = to.locale().getLanguage().equals("es") ? "Spanish" : "English";
        String statusUrl;
        try {
            statusUrl = statusLinks.of(to.leadId()).orElse(null);
        } catch (StatusLinks.Unavailable e) {
            return new Sent(new SendResult.Transient(e.getMessage()), null);
        }
        if (message.channel() == Channel.EMAIL) {
            String token = tokens.issue(AccessTokens.Purpose.UNSUBSCRIBE, message.id(), to.leadId(),
                    Channel.EMAIL, addressHash, now, now.plus(UNSUBSCRIBE_VALID_FOR)).block();
            byte[] pdf = message.kind() == MessageKind.INFO_KIT ? kit.render(to) : null;
            Email composed = composer.email(message.kind(), to, link("/unsubscribe/", token), statusUrl, pdf,
                    message.id());
            return new Sent(email.send(composed), pdf == null ? "by email (" + language + ")"
                    : "by email with the PDF attached (" + language + ")");
        }
        String kitUrl = null;
        if (message.kind() == MessageKind.INFO_KIT) {
            String token = tokens.issue(AccessTokens.Purpose.KIT, message.id(), to.leadId(),
                    Channel.TEXT, addressHash, now, now.plus(properties.delivery().kitLinkValidFor())).block();
            kitUrl = link("/kit/", token);
        }
        String body = composer.text(message.kind(), to, kitUrl, statusUrl);
        return new Sent(sms.send(to.phone(), body, message.id().toString()), kitUrl == null
                ? "by text (" + language + ")" : "by text with a private download link (" + language + ")");
    }

    private String link(String path, String token) {
        String base = properties.practice().publicUrl().toString().replaceAll("/+$", "");
        return base + path + token;
    }
}
