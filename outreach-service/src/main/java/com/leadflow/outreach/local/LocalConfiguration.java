package com.leadflow.outreach.local;

import com.leadflow.outreach.config.OutreachProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local stack's mail server, started before anything sends. */
@Configuration
@ConditionalOnProperty(name = "leadflow.outreach.mail.local-server.enabled", havingValue = "true")
class LocalConfiguration {

    @Bean
    LocalMailServer localMailServer(@Value("${spring.mail.port}") int smtpPort, OutreachProperties properties) {
        OutreachProperties.Mail.LocalServer server = properties.mail().localServer();
        return new LocalMailServer(smtpPort, server.imapPort(), server.keep());
    }
}
