package com.leadflow.outreach.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.outreach.delivery.SendResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** What an SMTP server's answer means for the message: try again later, or never. */
class EmailGatewayTest {

    @Test
    void aMailServerThatIsNotThereIsWorthTryingAgain() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        mail.setJavaMailProperties(properties);
        EmailGateway gateway = new EmailGateway(mail, "Practice <care@practice.test>");

        SendResult result = gateway.send(new Email("rosa@example.test", "Subject", "text", "<p>html</p>",
                "http://localhost/unsubscribe/x", null, "m-1"));

        assertThat(result).isEqualTo(new SendResult.Transient("the mail server could not be reached"));
    }

    @Test
    void aRefusedRecipientIsFinalAndSuppressesTheAddress() {
        var refused = new SMTPAddressFailedException(null, "RCPT TO", 550, "No such user");
        var failure = new MailSendException("Failed messages", refused);

        assertThat(EmailGateway.classify(failure)).isEqualTo(new SendResult.Permanent("the mail server refused the address (550)", true));
    }

    @Test
    void aMailboxThatIsBusyIsWorthTryingAgain() {
        var busy = new SMTPAddressFailedException(null, "RCPT TO", 452, "Mailbox full, try later");

        assertThat(EmailGateway.classify(new MailSendException("Failed messages", busy)))
                .isEqualTo(new SendResult.Transient("the mail server said to try later (452)"));
    }
}
