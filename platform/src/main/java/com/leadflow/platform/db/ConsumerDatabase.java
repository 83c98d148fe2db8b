package com.leadflow.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC path for a service's blocking database work: its Kafka consumers' poll transactions
 * ({@link com.leadflow.platform.consumer.PollHandler}) and any worker thread of its own (a sender,
 * say). HikariCP and pgjdbc with rewritten batch inserts, on the database and schema Flyway migrates
 * ({@link RelayDatabase#pool}), beside the R2DBC pool that serves HTTP requests. A thread blocks on
 * this work anyway, and on JDBC a poll of one event costs the client about a quarter of the CPU it
 * costs on R2DBC, PostgreSQL less too (the README's "R2DBC against JDBC").
 *
 * <p>Statements through {@link #jdbc()} or {@link #jdbcTemplate()} join the transaction the
 * current thread runs in ({@link #inTransaction}, or the poll's), as Spring's JDBC support does.
 * Its transaction manager is not a bean on purpose: a second {@code TransactionManager} bean beside
 * the reactive one would leave {@code @Transactional} without a default.
 */
public final class ConsumerDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate jdbcTemplate;

    private ConsumerDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        this.jdbcTemplate = new NamedParameterJdbcTemplate(pool);
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /** @param connections at most this many connections: one per listener thread that may apply at once */
    public static ConsumerDatabase of(Environment env, String poolName, int connections) {
        return new ConsumerDatabase(RelayDatabase.pool(env, poolName, connections));
    }

    /** Runs {@code work} in one transaction on this thread: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** Runs {@code work} in one transaction on this thread. */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /**
     * Runs {@code work}, reads that need no transaction around them, on one connection in auto-commit
     * mode: each statement is its own, and none is followed by a {@code COMMIT} or {@code ROLLBACK}
     * (the pool's connections are not in auto-commit, so a read in {@link #inTransaction}, or outside
     * any, costs one more round trip). Statements through {@link #jdbc()} or {@link #jdbcTemplate()}
     * inside it use that connection. Inside a transaction already, {@code work} simply joins it. Not for
     * writes that must stand or fall together.
     */
    public <T> T read(Supplier<T> work) {
        if (TransactionSynchronizationManager.hasResource(pool)) {
            return work.get();
        }
        // the pool puts a connection back in its own mode (no auto-commit) when it is closed
        try (Connection connection = pool.getConnection()) {
            // no transaction is open on a connection the pool hands out: switching is no round trip
            connection.setAutoCommit(true);
            TransactionSynchronizationManager.bindResource(pool, new ConnectionHolder(connection));
            try {
                return work.get();
            } finally {
                TransactionSynchronizationManager.unbindResource(pool);
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("No connection in auto-commit for a read", e);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** For batches ({@code batchUpdate}) and what {@link JdbcClient} does not offer. */
    public NamedParameterJdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether the pool is on PostgreSQL (else H2, the local run's embedded database), from its URL: no round trip. */
    public boolean postgres() {
        return pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        pool.close();
    }
}
