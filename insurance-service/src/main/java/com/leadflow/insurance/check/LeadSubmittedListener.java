package com.leadflow.insurance.check;

import com.leadflow.events.Contact;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.time.LocalDate;
import java.util.List;

/**
 * Opens a check for every submitted lead that gave insurance details, whether or not it asked for
 * insurance verification: any treatment plan needs the coverage known, and the visitor gave the
 * details for that purpose. A lead without details is reported as such. The platform applies each
 * lead once, a poll per transaction ({@code insurance.leads.submitted}); a check opened here is
 * queued for its first attempt in the same transaction. The poll's transaction is JDBC, and its
 * checks are written in one batch ({@link CheckIntake#openAll}).
 */
public class LeadSubmittedListener implements PollHandler<LeadSubmitted> {

    private final CheckIntake intake;

    public LeadSubmittedListener(CheckIntake intake) {
        this.intake = intake;
    }

    @Override
    public Topic<String, LeadSubmitted> topic() {
        return Topics.LEADS_SUBMITTED;
    }

    @Override
    public boolean wants(Event<LeadSubmitted> event) {
        if (event.value().getLeadId() == null || event.value().getLeadId().isBlank()) {
            throw new EventRejectedException("leadId is blank");
        }
        return true;
    }

    @Override
    public void apply(List<Event<LeadSubmitted>> events) {
        intake.openAll(events.stream()
                .map(event -> new CheckIntake.Submission(event, event.value().getLeadId(), draft(event.value())))
                .toList());
    }

    /** The check a lead asks for; null when it gave no insurance details. */
    private static CheckDraft draft(LeadSubmitted lead) {
        InsuranceDetails insurance = lead.getInsurance();
        if (insurance == null) {
            return null;
        }
        return new CheckDraft(lead.getLeadId(), EligibilityCheck.SYSTEM, blankToNull(insurance.getPayerId()),
                insurance.getPayerName(), insurance.getMemberId(), blankToNull(insurance.getGroupNumber()),
                insurance.getSubscriberRelationship() == null ? SubscriberRelationship.SELF.name()
                        : insurance.getSubscriberRelationship().name(),
                subscriber(lead, insurance));
    }

    /** The patient is the subscriber unless the form named someone else; missing parts fall back to the patient's. */
    static Subscriber subscriber(LeadSubmitted lead, InsuranceDetails insurance) {
        Contact patient = lead.getContact();
        if (patient == null || lead.getDateOfBirth() == null) {
            throw new EventRejectedException("contact or dateOfBirth is missing");
        }
        boolean self = insurance.getSubscriberRelationship() == null
                || insurance.getSubscriberRelationship() == SubscriberRelationship.SELF;
        String first = self ? null : blankToNull(insurance.getSubscriberFirstName());
        String last = self ? null : blankToNull(insurance.getSubscriberLastName());
        LocalDate born = self ? null : insurance.getSubscriberDateOfBirth();
        return new Subscriber(first != null ? first : patient.getFirstName(),
                last != null ? last : patient.getLastName(), born != null ? born : lead.getDateOfBirth());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
