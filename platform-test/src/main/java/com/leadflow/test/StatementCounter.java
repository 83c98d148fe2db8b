package com.leadflow.test;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts what pgjdbc sends from the current thread while open, read from its protocol log: each
 * statement executed ({@code Execute}: COMMIT included, BEGIN not, pgjdbc sends it along with the
 * first statement) and each round trip ({@code Sync}:
 * a batch sends many statements and one Sync). For by-hand measurements only.
 */
public final class StatementCounter implements AutoCloseable {

    private static final Logger PROTOCOL = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19
    private final long thread = Thread.currentThread().getId();
    private final Level before = PROTOCOL.getLevel();
    private int statements;
    private int roundTrips;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() != thread || record.getMessage() == null) {
                return;
            }
            if (record.getMessage().startsWith(" FE=> Execute")) {
                statements++;
            } else if (record.getMessage().equals(" FE=> Sync")) {
                roundTrips++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public StatementCounter() {
        PROTOCOL.setLevel(Level.FINEST);
        handler.setLevel(Level.FINEST);
        PROTOCOL.addHandler(handler);
    }

    public int statements() {
        return statements;
    }

    public int roundTrips() {
        return roundTrips;
    }

    @Override
    public void close() {
        PROTOCOL.removeHandler(handler);
        PROTOCOL.setLevel(before);
    }
}
