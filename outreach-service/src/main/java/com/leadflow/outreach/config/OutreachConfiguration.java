package com.leadflow.outreach.config;

import com.leadflow.outreach.compose.Composer;
import com.leadflow.outreach.delivery.SendingWindow;
import com.leadflow.outreach.email.EmailGateway;
import com.leadflow.outreach.kit.KitPdf;
import com.leadflow.outreach.link.IntakeStatusLinks;
import com.leadflow.outreach.link.RememberedStatusLinks;
import com.leadflow.outreach.link.StatusLinks;
import com.leadflow.outreach.recipient.Consent;
import com.leadflow.outreach.sms.HttpSmsGateway;
import com.leadflow.outreach.sms.SimulatedSmsGateway;
import com.leadflow.outreach.sms.SmsGateway;
import com.leadflow.platform.security.ClientCredentialsToken;
import com.leadflow.platform.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Outreach's pieces, its gateways and who may call what. */
@Configuration
public class OutreachConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public Consent consent(OutreachProperties properties) {
        return new Consent(Set.copyOf(properties.textConsentDisclosures()));
    }

    @Bean
    public SendingWindow sendingWindow(OutreachProperties properties) {
        return new SendingWindow(properties.quietHours().earliest(), properties.quietHours().latest());
    }

    @Bean
    public Composer composer(OutreachProperties properties) {
        return new Composer(properties.practice());
    }

    @Bean
    public KitPdf kitPdf(OutreachProperties properties) {
        return new KitPdf(properties.practice());
    }

    @Bean
    public EmailGateway emailGateway(JavaMailSenderImpl mail, OutreachProperties properties) {
        return new EmailGateway(mail, properties.practice().mailFrom());
    }

    @Bean
    public SmsGateway smsGateway(OutreachProperties properties, Clock clock) {
        OutreachProperties.Sms sms = properties.sms();
        return switch (sms.gateway()) {
            case "simulated" -> new SimulatedSmsGateway(clock);
            case "http" -> new HttpSmsGateway(sms.baseUrl(), sms.accountSid(), sms.authToken(), sms.from(),
                    Duration.ofSeconds(10));
            default -> throw new IllegalStateException("leadflow.outreach.sms.gateway must be simulated or http");
        };
    }

    /** At most this many leads' status links in memory: a few minutes of leads at hundreds a second. */
    private static final int REMEMBERED_LINKS = 100_000;

    /** Intake answers with outreach's own token; its client carries the {@code OUTREACH} role at the provider. */
    @Bean
    @ConditionalOnMissingBean
    public StatusLinks statusLinks(OutreachProperties properties, SecurityProperties security, Clock clock) {
        OutreachProperties.Intake intake = properties.intake();
        if (intake == null || intake.url() == null || intake.url().toString().isBlank() || !security.signInEnabled()) {
            return StatusLinks.none();
        }
        StatusLinks asked = new IntakeStatusLinks(intake.url(), new ClientCredentialsToken(security.issuerUri(),
                security.clientId(), security.clientSecret(), clock), intake.timeout());
        return intake.rememberLinksFor().isZero() ? asked
                : new RememberedStatusLinks(asked, intake.rememberLinksFor(), REMEMBERED_LINKS, clock);
    }
}
