package com.leadflow.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A mail server that is away, then back, gets the message once, after a retry. */
class SmtpRetryTest extends OutreachScenario {

    @Test
    void aMailServerThatRefusesThenAcceptsGetsTheKitOnce() {
        smtp.stop();
        String email = TestLeads.email();
        LeadSubmitted lead = TestLeads.kitLead(email, null);
        try {
            submit(lead);

            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(row(lead))
                    .startsWith("PENDING, attempts ").endsWith(": the mail server could not be reached"));
        } finally {
            smtp = startSmtp();
        }

        // the retry is due after its backoff, on the service's clock
        CLOCK.advance(java.time.Duration.ofMinutes(1));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT);
        // later polls find nothing more to send
        Awaitility.await().during(java.time.Duration.ofSeconds(1)).atMost(WAIT).until(() -> mailTo(email).size() == 1);
    }

    /** The kit message's state, attempts and reason, as a care manager's list shows them. */
    private String row(LeadSubmitted lead) {
        return db.sql("select state, attempts, reason from message where lead_id = :lead")
                .bind("lead", UUID.fromString(lead.getLeadId()))
                .map((row, meta) -> row.get("state", String.class) + ", attempts " + row.get("attempts", Integer.class)
                        + ": " + row.get("reason", String.class))
                .one().defaultIfEmpty("no message").block();
    }
}
