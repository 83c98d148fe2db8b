package com.leadflow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.test.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Against the local PostgreSQL, on a pool of one connection: {@link ConsumerDatabase#read} runs its
 * statements on one connection, each in a transaction of its own (so nothing is left to commit or roll
 * back), and gives the connection back as the pool's transactions expect it.
 */
class ConsumerDatabaseReadTest {

    /** The id of the transaction the statement runs in (PostgreSQL assigns one if it has none yet). */
    private static final String TRANSACTION_ID = "select pg_current_xact_id()::text";

    private String schema;
    private ConsumerDatabase db;

    @BeforeEach
    void pool() throws Exception {
        schema = PostgresTestDatabase.newSchema("reads");
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".item (id integer primary key, name varchar(20) not null)");
            s.execute("insert into " + schema + ".item values (1, 'committed')");
        }
        db = ConsumerDatabase.of(new MockEnvironment()
                .withProperty("spring.flyway.url", PostgresTestDatabase.jdbcUrl())
                .withProperty("spring.flyway.user", PostgresTestDatabase.user())
                .withProperty("spring.flyway.password", PostgresTestDatabase.password())
                .withProperty("spring.flyway.default-schema", schema), "reads-test", 1);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        }
    }

    @Test
    void aReadsStatementsShareOneConnectionEachInItsOwnTransaction() {
        List<Object> read = db.read(() -> List.of(
                db.jdbc().sql("select pg_backend_pid()").query(Integer.class).single(),
                db.jdbc().sql("select name from item where id = 1").query(String.class).single(),
                db.jdbc().sql("select pg_backend_pid()").query(Integer.class).single(),
                db.jdbc().sql(TRANSACTION_ID).query(String.class).single(),
                db.jdbc().sql(TRANSACTION_ID).query(String.class).single()));

        assertThat(read.get(1)).isEqualTo("committed");
        assertThat(read.get(2)).as("one connection for the read").isEqualTo(read.get(0));
        assertThat(read.get(4)).as("each statement of the read in a transaction of its own").isNotEqualTo(read.get(3));

        // the same two statements in a transaction: one transaction
        List<String> inTransaction = db.inTransaction(() -> List.of(
                db.jdbc().sql(TRANSACTION_ID).query(String.class).single(),
                db.jdbc().sql(TRANSACTION_ID).query(String.class).single()));
        assertThat(inTransaction.get(1)).isEqualTo(inTransaction.get(0));
    }

    @Test
    void afterAReadTheConnectionIsBackInTransactionsThatRollBackWhole() {
        db.read(() -> db.jdbc().sql("select count(*) from item").query(Long.class).single());

        assertThatThrownBy(() -> db.inTransaction(() -> {
            db.jdbc().sql("insert into item values (2, 'rolled back')").update();
            throw new IllegalStateException("the transaction fails after its insert");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.read(() -> db.jdbc().sql("select count(*) from item where id = 2").query(Long.class).single()))
                .as("the insert rolled back with its transaction").isZero();
    }

    @Test
    void aReadInsideATransactionJoinsIt() {
        long seen = db.inTransaction(() -> {
            db.jdbc().sql("insert into item values (3, 'uncommitted')").update();
            return db.read(() -> db.jdbc().sql("select count(*) from item where id = 3").query(Long.class).single());
        });

        assertThat(seen).as("the transaction's own insert, seen by the read inside it").isEqualTo(1);
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection(PostgresTestDatabase.jdbcUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password());
    }
}
