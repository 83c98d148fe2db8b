package db.migration.service;

import com.leadflow.platform.db.PostgresMigration;

/**
 * The sender's lease ({@code Messages.lease}: messages in PENDING or DEFERRED, due by now, oldest due
 * first, up to a batch) read from an index of only those messages, in due order, so it stops after a
 * batch: V1's index on (state, due_at) gives two ranges that must be read whole and sorted, and once
 * the table holds many sent messages PostgreSQL read the whole table instead (4.5 ms a lease at 50
 * leads/s). Nothing else reads messages by state, so V1's index goes. Leased and held messages
 * stay in the index (their state stays); a sent, failed or suppressed one leaves it. PostgreSQL only:
 * on H2 (the local run) V1's index stays and this does nothing.
 */
public class V2__Due_messages extends PostgresMigration {

    public V2__Due_messages() {
        super("create index message_due_pending on message (due_at) where state in ('PENDING', 'DEFERRED')",
                "drop index message_due");
    }
}
