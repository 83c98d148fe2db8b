package com.leadflow.insurance.check;

import com.leadflow.events.Contact;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/**
 * Opens a check for every submitted lead that gave insurance details, whether or not it asked for
 * insurance verification: any treatment plan needs the coverage known, and the visitor gave the
 * details for that purpose. A lead without details is reported as such. Each lead is handled once,
 * however often it is delivered.
 */
public class LeadSubmittedListener {

    static final String CONSUMER = "insurance-eligibility";

    private final IdempotentConsumer idempotent;
    private final CheckIntake intake;
    private final CheckQueue queue;

    public LeadSubmittedListener(IdempotentConsumer idempotent, CheckIntake intake, CheckQueue queue) {
        this.idempotent = idempotent;
        this.intake = intake;
        this.queue = queue;
    }

    @KafkaListener(topics = "leads.submitted", groupId = "insurance-service")
    public void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof LeadSubmitted lead)) {
            throw new EventRejectedException("The value is not a LeadSubmitted event");
        }
        if (lead.getLeadId() == null || lead.getLeadId().isBlank()) {
            throw new EventRejectedException("leadId is blank");
        }
        AtomicReference<EligibilityCheck> opened = new AtomicReference<>();
        boolean applied = idempotent.applyOnceBlocking(CONSUMER, record, () -> handle(lead, opened));
        if (applied) {
            // only once the check is committed: an attempt must find it
            queue.send(opened.get());
        }
    }

    private Mono<?> handle(LeadSubmitted lead, AtomicReference<EligibilityCheck> opened) {
        InsuranceDetails insurance = lead.getInsurance();
        if (insurance == null) {
            return intake.noInsuranceGiven(lead.getLeadId());
        }
        return intake.open(new CheckDraft(lead.getLeadId(), EligibilityCheck.SYSTEM, blankToNull(insurance.getPayerId()),
                insurance.getPayerName(), insurance.getMemberId(), blankToNull(insurance.getGroupNumber()),
                insurance.getSubscriberRelationship() == null ? SubscriberRelationship.SELF.name()
                        : insurance.getSubscriberRelationship().name(),
                subscriber(lead, insurance))).doOnNext(opened::set);
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
