package com.leadflow.outreach.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.outreach.delivery.SendResult;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.sms.SimulatedSmsGateway;
import com.leadflow.platform.web.NotFoundException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The local stack's mail server keeps the newest emails and drops older ones, as care managers
 * (at {@code /local/mail}) and mail programs (over IMAP) see them.
 */
class LocalMailServerTest {

    private int imapPort;
    private LocalMailServer server;
    private EmailGateway outreach;
    private LocalOutboxController carlasView;

    @BeforeEach
    void start() throws IOException {
        int smtpPort = freePort();
        imapPort = freePort();
        server = new LocalMailServer(smtpPort, imapPort, 3);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtpPort);
        outreach = new EmailGateway(mail, "Practice <care@practice.test>");
        carlasView = new LocalOutboxController(
                new StaticListableBeanFactory(Map.of("localMailServer", server)).getBeanProvider(LocalMailServer.class),
                new SimulatedSmsGateway(Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void theNewestEmailsAreKeptAndTheOldestDropped() throws Exception {
        send("rosa@example.test", "First for Rosa");
        send("ana@example.test", "For Ana");
        send("luis@example.test", "For Luis");
        send("rosa@example.test", "Second for Rosa");
        send("mara@example.test", "For Mara");

        List<LocalOutboxController.MailView> listed = carlasView.mail();
        assertThat(listed).extracting(LocalOutboxController.MailView::subject)
                .containsExactly("For Mara", "Second for Rosa", "For Luis");
        assertThat(listed).extracting(LocalOutboxController.MailView::to)
                .containsExactly("mara@example.test", "rosa@example.test", "luis@example.test");
        assertThat(listed).extracting(LocalOutboxController.MailView::number).containsExactly(5L, 4L, 3L);
        assertThat(listed.get(1).text()).isEqualTo("/local/mail/4.txt");
        assertThat(carlasView.text(4)).contains("Text of Second for Rosa");
        assertThat(new String(carlasView.eml(5).getBody())).contains("Subject: For Mara");
        assertThatThrownBy(() -> carlasView.text(1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> carlasView.eml(2)).isInstanceOf(NotFoundException.class);

        assertThat(inboxOverImap("rosa@example.test")).containsExactly("Second for Rosa");
        assertThat(inboxOverImap("ana@example.test")).isEmpty();
        assertThat(inboxOverImap("luis@example.test")).containsExactly("For Luis");
    }

    @Test
    void aNumberKeepsNamingTheSameEmailAsNewerOnesArrive() throws Exception {
        send("rosa@example.test", "For Rosa");
        String link = carlasView.mail().get(0).text();

        send("ana@example.test", "For Ana");

        assertThat(link).isEqualTo("/local/mail/1.txt");
        assertThat(carlasView.text(1)).contains("Text of For Rosa");
        assertThat(carlasView.mail()).extracting(LocalOutboxController.MailView::subject)
                .containsExactly("For Ana", "For Rosa");
    }

    private void send(String to, String subject) {
        SendResult result = outreach.send(new Email(to, subject, "Text of " + subject, "<p>" + subject + "</p>",
                "http://localhost/unsubscribe/x", null, subject));
        assertThat(result).isInstanceOf(SendResult.Accepted.class);
    }

    /** The subjects in the address's inbox, as a mail program reads them (login and password: the address). */
    private List<String> inboxOverImap(String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", Integer.toString(imapPort));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return Arrays.stream(inbox.getMessages()).map(LocalMailServerTest::subject).toList();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
