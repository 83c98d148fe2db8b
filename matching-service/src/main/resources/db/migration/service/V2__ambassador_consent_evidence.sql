-- How each ambassador's consent was given (e.g. "Signed consent form on file, scanned 2024-03-01"), so the
-- coordinator can show it when asked. Ambassadors registered before this column have none recorded.
alter table ambassador add column consent_evidence varchar(500);

-- The coordinator's match board lists each state's matches, most recently changed first.
create index lead_match_board on lead_match (state, updated_at);
