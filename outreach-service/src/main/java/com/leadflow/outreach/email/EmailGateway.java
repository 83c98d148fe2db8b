package com.leadflow.outreach.email;

import com.leadflow.outreach.delivery.SendResult;
import jakarta.activation.FileTypeMap;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends email over SMTP with Spring's mail support (its session and settings), a batch's emails over
 * one connection ({@link #connection}). Every email carries RFC 8058 one-click
 * unsubscribe headers and a Message-ID made from outreach's message id, so a copy sent again after
 * a crash can be recognised by the receiving side. What the server answers decides what happens
 * next: a 4xx or a lost connection is tried again, a 5xx is final (for a refused recipient the
 * address goes on the suppression list). Nothing about the recipient is logged.
 */
public class EmailGateway {

    static {
        MailProviders.named();
    }

    private final JavaMailSenderImpl mail;
    private final InternetAddress from;

    public EmailGateway(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("leadflow.outreach.practice.mail-from is not an address", e);
        }
    }

    /** Sends one email over a connection of its own. */
    public SendResult send(Email email) {
        try (Connection connection = connection()) {
            return connection.send(email);
        }
    }

    /** A connection for several emails (a sender's batch): opened at the first, kept while it works. */
    public Connection connection() {
        return new Connection();
    }

    /**
     * One SMTP connection for a run of emails, as Spring's own multi-message send keeps one: each
     * email is answered on its own, as if it had a connection to itself; after a failure the next
     * email opens a fresh connection, and one the server closed is opened again. A connection for
     * each email cost the sender about four times the CPU of the email itself
     * ({@code SenderCostMeasurement}).
     */
    public final class Connection implements AutoCloseable {

        private Transport transport;

        private Connection() {
        }

        public SendResult send(Email email) {
            MimeMessage message;
            try {
                message = compose(email);
            } catch (MessagingException | MailParseException | MailPreparationException unusable) {
                return new SendResult.Permanent("the email address is not valid", true);
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = connect();
                }
            } catch (AuthenticationFailedException refusedUs) {
                return new SendResult.Transient("the mail server did not accept our sign-in");
            } catch (MessagingException unreachable) {
                return classify(unreachable);
            }
            try {
                message.setSentDate(new Date());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                return new SendResult.Accepted(email.messageId());
            } catch (MessagingException failed) {
                // the server may have given up on this connection: the next email starts afresh
                close();
                return classify(failed);
            }
        }

        private Transport connect() throws MessagingException {
            Transport opened = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
            String user = mail.getUsername() == null || mail.getUsername().isEmpty() ? null : mail.getUsername();
            String password = mail.getPassword() == null || mail.getPassword().isEmpty() ? null : mail.getPassword();
            opened.connect(mail.getHost(), mail.getPort(), user, password);
            return opened;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException alreadyGone) {
                    // nothing more goes over it either way
                }
                transport = null;
            }
        }
    }

    private MimeMessage compose(Email email) throws MessagingException {
        Session session = mail.getSession();
        String messageId = "<" + email.messageId() + "@outreach.leadflow>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new Helper(message);
        helper.setFrom(from);
        helper.setTo(new InternetAddress(email.to(), true));
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        if (email.pdf() != null) {
            helper.addAttachment("info-kit.pdf", new ByteArrayResource(email.pdf()), "application/pdf");
        }
        message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    /**
     * Spring's helper with one file type map for every email. Left to itself, the helper makes a
     * map of its own for each message (it reads and parses Spring's {@code mime.types} from its jar):
     * most of the cost of building an email, where an email's parts name their types themselves and
     * the map is never asked. The shared map is only read once made (its lookups are synchronized).
     */
    private static final class Helper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = fileTypes();

        Helper(MimeMessage message) throws MessagingException {
            super(message, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** The SMTP reply code in the failure, if the server gave one. */
    static SendResult classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            int code = 0;
            boolean recipient = false;
            if (cause instanceof SMTPAddressFailedException refused) {
                code = refused.getReturnCode();
                recipient = true;
            } else if (cause instanceof SMTPSendFailedException refused) {
                code = refused.getReturnCode();
            } else if (cause instanceof SMTPSenderFailedException refused) {
                code = refused.getReturnCode();
            }
            if (code >= 500) {
                return new SendResult.Permanent("the mail server refused the "
                        + (recipient ? "address" : "message") + " (" + code + ")", recipient);
            }
            if (code >= 400) {
                return new SendResult.Transient("the mail server said to try later (" + code + ")");
            }
        }
        return new SendResult.Transient("the mail server could not be reached");
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            Throwable first = send.getFailedMessages().values().iterator().next();
            if (first != cause) {
                return first;
            }
        }
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
