package db.migration.service;

import com.leadflow.platform.db.PostgresMigration;

/**
 * The indexes on a lead's owner and on the original it may duplicate hold only the leads that have
 * one. A new lead has neither (nobody works it yet, and most leads are nobody's duplicate), so every
 * submission wrote two index entries that no query reads: the care inbox asks {@code owner = ?}
 * (which PostgreSQL proves implies {@code owner is not null}) or {@code owner is null} (read in the
 * inbox's own order, where unowned leads are most of them), and a lead's duplicates are found by
 * {@code possible_duplicate_of = ?}. By hand (pgbench on intake's schema with 200,000 leads, the
 * submission statement as {@code LeadStore.insert} sends it): 0.37-0.39 → 0.33-0.35 ms a submission.
 * PostgreSQL only; H2 (the local run) keeps V2's full indexes.
 */
public class V5__Lead_partial_indexes extends PostgresMigration {

    public V5__Lead_partial_indexes() {
        super("drop index lead_owner",
                "create index lead_owner on lead (owner, waiting, submitted_at, id) where owner is not null",
                "drop index lead_duplicate_of",
                "create index lead_duplicate_of on lead (possible_duplicate_of) where possible_duplicate_of is not null");
    }
}
