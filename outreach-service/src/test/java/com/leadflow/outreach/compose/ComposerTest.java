package com.leadflow.outreach.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.Recipient;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every email the composer writes from its once-rendered parts is, byte for byte, the email the
 * template engine writes for that visitor, whatever the name, language and links hold.
 */
class ComposerTest {

    private final Composer composer = new Composer(new OutreachProperties.Practice("North American Spine",
            "877.474.2225", "10000 N. Central Expressway, Suite 1000, Dallas, TX 75231",
            URI.create("http://localhost:8086"), "care@leadflow.example"));

    @Test
    void eachEmailIsWhatTheTemplatesWriteForItsVisitor() {
        String[] names = {"Rosa", "José", "O'Brien", "Ana & Luis", "<b>Mara</b>", "\"Quoted\"", "", "Zoë {0} $1 \\n"};
        String[] links = {"http://localhost:8081/status.html#QQE19enzJhffvWYhVKTcN5AMm", null,
            "http://localhost:8081/status.html?a=1&b=<2>", ""};
        for (MessageKind kind : MessageKind.values()) {
            for (String language : new String[] {"en", "es", "fr"}) {
                for (String name : names) {
                    for (String link : links) {
                        Recipient to = visitor(name, language);
                        String unsubscribe = "http://localhost:8086/unsubscribe/" + UUID.randomUUID() + "?x=\"&y='";
                        UUID id = UUID.randomUUID();
                        Email written = composer.email(kind, to, unsubscribe, link, null, id);
                        Email fromTheTemplates = composer.emailFromTheTemplates(kind, to, unsubscribe, link, null, id);
                        assertThat(written).as("%s in %s to %s with link %s", kind, language, name, link)
                                .isEqualTo(fromTheTemplates);
                    }
                }
            }
        }
    }

    @Test
    void theVisitorsOwnValuesAreInTheirEmail() {
        Email email = composer.email(MessageKind.REVIEW_DONE, visitor("Ana & Luis", "es"),
                "http://localhost:8086/unsubscribe/tok", "http://localhost:8081/status.html#abc", null, UUID.randomUUID());

        assertThat(email.text()).contains("Ana & Luis").contains("http://localhost:8081/status.html#abc")
                .contains("http://localhost:8086/unsubscribe/tok");
        assertThat(email.html()).contains("Ana &amp; Luis").contains("href=\"http://localhost:8081/status.html#abc\"")
                .contains("href=\"http://localhost:8086/unsubscribe/tok\"").contains("lang=\"es\"");
    }

    private static Recipient visitor(String firstName, String language) {
        return new Recipient(UUID.randomUUID(), firstName, "visitor@example.test", null, "75201", "America/Chicago",
                language, ContactChannel.EMAIL, ContactTime.ANYTIME, true, "2026-11-01", "abc", Condition.UNKNOWN, null,
                Instant.parse("2026-12-02T06:00:00Z"));
    }
}
