package com.leadflow.outreach.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real SMTP server inside the service, for the local stack: GreenMail, on {@code spring.mail.port}
 * for sending and an IMAP port for reading (login and password: the recipient's address). Care
 * managers also see the received mail at {@code /local/mail}. Never enabled in production.
 */
public class LocalMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    private final GreenMail greenMail;

    public LocalMailServer(int smtpPort, int imapPort) {
        // the server parses every email it receives with the same libraries
        com.leadflow.outreach.email.MailProviders.named();
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        log.info("Local mail server (GreenMail): SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}", smtpPort, imapPort);
    }

    /** Newest first. */
    public List<MimeMessage> received() {
        List<MimeMessage> all = Arrays.asList(greenMail.getReceivedMessages());
        java.util.Collections.reverse(all);
        return all;
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
