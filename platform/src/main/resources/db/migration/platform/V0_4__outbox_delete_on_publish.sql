-- The relay now deletes each outbox row in the transaction that publishes it (one statement over the
-- primary key), so every row left in the table is waiting to be published. Rows published before
-- this version (kept for a retention that no longer exists) go, and with them the pending index:
-- the claim takes the oldest rows by id, and each claim's update wrote new entries in it.
-- published_at stays, nullable and no longer written, so that counts of "published_at is null"
-- (the benchmark's backlog) stay right. During a rolling upgrade a relay of the previous version
-- may still mark rows published; the new relay publishes those once more and deletes them, and
-- consumers, which apply each event id once, ignore the repeat.
delete from outbox_event where published_at is not null;
drop index if exists outbox_event_pending;
