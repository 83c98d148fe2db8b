package com.leadflow.platform.db.access;

/**
 * One way of reaching the database for the consumer and relay paths, each method one database
 * transaction, called from one blocking thread as a Kafka listener thread calls it.
 */
interface AccessPath extends AutoCloseable {

    String name();

    /** The backend process id of the one pooled connection, to read its CPU time from /proc. */
    int backendPid();

    /** A poll of {@code events} events, claimed and applied one row (and one outbox row) per event. */
    void pollRowByRow(String consumer, int firstEvent, int events);

    /** The same poll, with the work rows and outbox rows written as multi-row statements. */
    void pollMultiRow(String consumer, int firstEvent, int events);

    /** Today's relay batch: lock the relay row, read pending rows, mark them published. */
    int relayLocked(int batchSize);

    /** The relay batch in one statement: mark the oldest pending rows published and return them. */
    int relayOneStatement(int batchSize);

    /** Adds {@code rows} pending outbox rows (setup, not measured). */
    void fillOutbox(int rows);

    @Override
    void close();
}
