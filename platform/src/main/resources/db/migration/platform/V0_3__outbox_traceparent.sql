-- The W3C trace context (traceparent) of the span that recorded the event, so the relay's publish
-- continues the trace of the request or event that caused it; null for rows written before.
alter table outbox_event add column traceparent varchar(55);
