-- Outreach's consumers now claim event ids under the platform's names, <service>.<topic>
-- (PollListeners.consumerName). Claims made under the names outreach used before are renamed so no
-- event already applied (a kit already sent) is applied again. A claim held under both names is left
-- under the old one, where it no longer matters. Repeatable, so it runs after V1 on every schema.
update processed_event set consumer = 'outreach.leads.submitted' where consumer = 'outreach.leads-submitted'
    and event_id not in (select event_id from processed_event where consumer = 'outreach.leads.submitted');
update processed_event set consumer = 'outreach.leads.status' where consumer = 'outreach.leads-status'
    and event_id not in (select event_id from processed_event where consumer = 'outreach.leads.status');
