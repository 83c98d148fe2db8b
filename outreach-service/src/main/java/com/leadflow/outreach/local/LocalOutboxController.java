package com.leadflow.outreach.local;

import com.leadflow.outreach.sms.SimulatedSmsGateway;
import com.leadflow.outreach.sms.SmsGateway;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local stack's view of what outreach sent: the local mail server's inbox (each message as
 * an {@code .eml} any mail program opens, and its plain text) and the simulated SMS gateway's
 * texts. For care managers.
 */
@Tag(name = "Local stack", description = "What the local stack's mail server and simulated SMS gateway got")
@RestController
class LocalOutboxController {

    record MailView(long number, String to, String subject, String sentAt, String eml, String text) {
    }

    record TextView(String at, String to, String body) {
    }

    private final ObjectProvider<LocalMailServer> mail;
    private final SmsGateway sms;

    LocalOutboxController(ObjectProvider<LocalMailServer> mail, SmsGateway sms) {
        this.mail = mail;
        this.sms = sms;
    }

    @Operation(summary = "The emails the local mail server keeps (the newest; each numbered in the order it arrived)")
    @GetMapping("/local/mail")
    List<MailView> mail() throws MessagingException {
        List<MailView> views = new ArrayList<>();
        for (LocalMailServer.Received received : server().received()) {
            MimeMessage message = received.message();
            long number = received.number();
            views.add(new MailView(number, String.join(", ", recipients(message)), LocalMailServer.subject(message),
                    message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
                    "/local/mail/" + number + ".eml", "/local/mail/" + number + ".txt"));
        }
        return views;
    }

    @Operation(summary = "One email as it was sent (RFC 822), while the server keeps it")
    @GetMapping("/local/mail/{number}.eml")
    ResponseEntity<byte[]> eml(@PathVariable long number) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        kept(number).writeTo(out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(out.toByteArray());
    }

    /** The message's plain-text part, decoded, as a mail program shows it. */
    @Operation(summary = "One email's text part, while the server keeps it")
    @GetMapping(path = "/local/mail/{number}.txt", produces = "text/plain;charset=UTF-8")
    String text(@PathVariable long number) throws IOException, MessagingException {
        String text = plainText(kept(number));
        return text == null ? "" : text;
    }

    private MimeMessage kept(long number) {
        return server().received(number).orElseThrow(() -> new NotFoundException("No such message"));
    }

    private static String plainText(jakarta.mail.Part part) throws IOException, MessagingException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Operation(summary = "The texts the simulated SMS gateway got")
    @GetMapping("/local/texts")
    Map<String, List<TextView>> texts() {
        if (!(sms instanceof SimulatedSmsGateway simulated)) {
            throw new NotFoundException("Texts go through a real gateway here");
        }
        return Map.of("texts", simulated.sent().stream()
                .map(text -> new TextView(text.at().toString(), text.to(), text.body())).toList());
    }

    private LocalMailServer server() {
        LocalMailServer server = mail.getIfAvailable();
        if (server == null) {
            throw new NotFoundException("No local mail server runs here");
        }
        return server;
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        var to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
        return to == null ? List.of() : java.util.Arrays.stream(to).map(Object::toString).toList();
    }
}
