package com.leadflow.outreach.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outreach reaches visitors.
 *
 * @param practice who the messages come from, printed in every email
 * @param textConsentDisclosures the disclosure versions whose text covers text messages; a lead
 *     that agreed to any other version gets no text
 * @param quietHours when texts may go out, in the visitor's own time
 * @param delivery how the sender works through the messages
 * @param sms the text-message gateway
 * @param mail the local SMTP server
 * @param intake where the visitors' status links come from
 */
@ConfigurationProperties("leadflow.outreach")
public record OutreachProperties(
        Practice practice,
        @DefaultValue List<String> textConsentDisclosures,
        QuietHours quietHours,
        Delivery delivery,
        Sms sms,
        Mail mail,
        Intake intake) {

    public record Practice(String name, String phone, String postalAddress, URI publicUrl, String mailFrom) {
    }

    public record QuietHours(@DefaultValue("08:00") LocalTime earliest, @DefaultValue("21:00") LocalTime latest) {
    }

    public record Delivery(
            @DefaultValue("5s") Duration pollEvery,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("30s") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30d") Duration kitLinkValidFor) {
    }

    /**
     * @param gateway {@code simulated} (records what it would send) or {@code http} (a Twilio-style API)
     * @param from the practice's sending number
     * @param baseUrl the API's address, e.g. {@code https://api.twilio.com}
     * @param accountSid the account the API bills
     * @param authToken the API's secret; also signs the inbound webhook's requests
     */
    public record Sms(@DefaultValue("simulated") String gateway, String from, URI baseUrl, String accountSid,
            String authToken) {
    }

    /**
     * @param url intake's address as this service reaches it; unset, messages carry no status link and
     *     say where the visitor saw it instead
     * @param timeout how long a message waits for intake's answer before it is tried again later
     * @param rememberLinksFor how long a lead's link, once intake gave it, serves that lead's next
     *     messages from memory (0: ask intake for every message)
     */
    public record Intake(URI url, @DefaultValue("5s") Duration timeout,
            @DefaultValue("15m") Duration rememberLinksFor) {
    }

    public record Mail(LocalServer localServer) {
        /**
         * GreenMail inside the service: SMTP on {@code spring.mail.port}, IMAP on {@code imapPort}.
         *
         * @param keep how many of the newest emails it keeps (for {@code /local/mail} and IMAP); older
         *     ones are dropped, so a long run's mail does not fill the service's heap
         */
        public record LocalServer(boolean enabled, @DefaultValue("3143") int imapPort, @DefaultValue("500") int keep) {
        }
    }
}
