-- Consumers claim event ids under one naming scheme, <service>.<topic> (PollListeners.consumerName).
-- Rows claimed under the names used before keep counting: they are renamed, so no event already
-- applied is applied again. Each service's schema holds only its own rows; the other lines change
-- nothing there. Repeatable (not versioned), so it runs after whatever migrations a service already
-- applied. A claim that exists under both names (an instance of the old build ran after this) is
-- left under the old name, where it no longer matters.
update processed_event set consumer = 'intake.leads.status' where consumer = 'intake-timeline'
    and event_id not in (select event_id from processed_event where consumer = 'intake.leads.status');
update processed_event set consumer = 'review.leads.submitted' where consumer = 'review.leads-submitted'
    and event_id not in (select event_id from processed_event where consumer = 'review.leads.submitted');
update processed_event set consumer = 'review.leads.imaging' where consumer = 'review.leads-imaging'
    and event_id not in (select event_id from processed_event where consumer = 'review.leads.imaging');
update processed_event set consumer = 'matching.leads.submitted' where consumer = 'matching-lead-submitted'
    and event_id not in (select event_id from processed_event where consumer = 'matching.leads.submitted');
update processed_event set consumer = 'matching.leads.status' where consumer = 'matching-review-outcome'
    and event_id not in (select event_id from processed_event where consumer = 'matching.leads.status');
update processed_event set consumer = 'insurance.leads.submitted' where consumer = 'insurance-eligibility'
    and event_id not in (select event_id from processed_event where consumer = 'insurance.leads.submitted');
