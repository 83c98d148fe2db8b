package com.leadflow.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Procedure;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A visitor with an email address who asked for the kit gets it attached to one email. */
class InfoKitByEmailTest extends OutreachScenario {

    @Test
    void aKitLeadGetsOneEmailWithAPdfAboutTheProcedureOfInterest() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = TestLeads.kitLead(email, null);

        submit(lead);

        MimeMessage mail = Awaitility.await().atMost(WAIT).until(() -> mailTo(email), list -> list.size() == 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your free info kit");
        List<byte[]> pdfs = Mails.pdfs(mail);
        assertThat(pdfs).hasSize(1);
        String kit = Mails.pdfText(pdfs.get(0));
        assertThat(kit).contains("Laminectomy", "Prepared for Rosa", "877.474.2225", "Free MRI or CT review",
                "insurance verification", "Recovery", "Spinal stenosis");
        String body = Mails.allText(mail);
        assertThat(body).contains("10000 N. Central Expressway", "Unsubscribe");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:8086/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        var sent = awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT);
        assertThat(sent.getReporter()).isEqualTo(Reporter.OUTREACH);
        assertThat(sent.getStage()).isEqualTo(Stage.INFO_KIT);
        assertThat(sent.getSummary()).isEqualTo("Info kit sent by email with the PDF attached (English)");
    }

    @Test
    void aSpanishSpeakerGetsTheKitInSpanish() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = TestLeads.kitLead(email, null);
        lead.setPreferredLanguage("es");
        lead.getClinical().setProcedureOfInterest(Procedure.MICRODISCECTOMY);

        submit(lead);

        MimeMessage mail = Awaitility.await().atMost(WAIT).until(() -> mailTo(email), list -> list.size() == 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Su guía informativa gratuita");
        assertThat(Mails.allText(mail)).contains("Hola, Rosa:", "Darse de baja");
        String kit = Mails.pdfText(Mails.pdfs(mail).get(0));
        assertThat(kit).contains("Microdiscectomía", "Preparada para Rosa", "Recuperación",
                "Verificación gratuita del seguro", "877.474.2225");
        assertThat(kit).doesNotContain("Prepared for");
    }

    @Test
    void theSameLeadSubmittedDeliveredTwiceSendsOneKit() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = TestLeads.kitLead(email, null);
        String eventId = UUID.randomUUID().toString();

        submit(lead, eventId);
        submit(lead, eventId);
        // the same lead published again under a new event id (a replay) adds nothing either
        submit(lead);

        awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT);
        // a later lead's kit arriving proves the duplicates were consumed too
        String later = TestLeads.email();
        LeadSubmitted next = TestLeads.kitLead(later, null);
        submit(next);
        Awaitility.await().atMost(WAIT).until(() -> mailTo(later).size() == 1);
        assertThat(mailTo(email)).hasSize(1);
        Long messages = db.sql("select count(*) as n from message where lead_id = :lead")
                .bind("lead", UUID.fromString(lead.getLeadId())).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(messages).isEqualTo(1);
    }

    @Test
    void aStageTheVisitorCaresAboutBringsANoteThatSaysNoMoreThanThatItHappened() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = TestLeads.kitLead(email, null);
        submit(lead);
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);

        report(TestLeads.status(lead.getLeadId(), Reporter.REVIEW, Stage.REVIEW, LeadStatus.REVIEW_COMPLETED));

        MimeMessage note = Awaitility.await().atMost(WAIT).until(() -> mailTo(email), list -> list.size() == 2).get(1);
        assertThat(note.getSubject()).isEqualTo("A specialist has looked at your images");
        assertThat(Mails.allText(note)).contains("A Patient Care Manager will call you to talk it over",
                "10000 N. Central Expressway");
        assertThat(Mails.pdfs(note)).isEmpty();
        awaitStatus(lead.getLeadId(), LeadStatus.MESSAGE_SENT);
    }
}
