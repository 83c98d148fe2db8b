package com.leadflow.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.test.PostgresTestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void anIdIsVersion7OfTheRfcVariantAndCarriesTheMillisecondItWasMadeIn() {
        Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
        UUID id = TimeOrderedUuid.next();
        Instant after = Instant.ofEpochMilli(System.currentTimeMillis());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(TimeOrderedUuid.createdAt(id)).isBetween(before, after);
        assertThat(TimeOrderedUuid.createdAt(new TimeOrderedUuid(() -> 1_764_000_000_123L).generate()))
                .isEqualTo(Instant.ofEpochMilli(1_764_000_000_123L));
    }

    @Test
    void aRandomUuidHasNoCreationTime() {
        assertThatThrownBy(() -> TimeOrderedUuid.createdAt(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsOfOneMillisecondAndAfterTheClockStepsBackStillIncrease() {
        AtomicLong clock = new AtomicLong(1_764_000_000_000L);
        TimeOrderedUuid ids = new TimeOrderedUuid(clock::get);
        List<UUID> made = new ArrayList<>();
        // more ids in one millisecond than the 12-bit count holds: it carries into the timestamp
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.generate());
        }
        clock.addAndGet(-5_000);
        for (int i = 0; i < 100; i++) {
            made.add(ids.generate());
        }
        clock.addAndGet(60_000);
        made.add(ids.generate());

        assertIncreasing(made);
        assertThat(TimeOrderedUuid.createdAt(made.get(10_099))).isAfter(Instant.ofEpochMilli(1_764_000_000_000L));
        assertThat(TimeOrderedUuid.createdAt(made.get(10_100))).isEqualTo(Instant.ofEpochMilli(1_764_000_055_000L));
    }

    @Test
    void eachThreadSeesItsIdsIncreaseAndNoTwoIdsOfAnyThreadsAreEqual() throws Exception {
        int threads = 4;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<UUID>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> IntStream.range(0, each).mapToObj(i -> TimeOrderedUuid.next()).toList());
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> made : pool.invokeAll(work)) {
                assertIncreasing(made.get());
                all.addAll(made.get());
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    /** PostgreSQL compares uuids bytewise (Java's {@link UUID#compareTo} compares signed longs): ask it. */
    @Test
    void postgresqlOrdersIdsAsTheyWereMade() throws Exception {
        AtomicLong clock = new AtomicLong(1_764_000_000_000L);
        TimeOrderedUuid ids = new TimeOrderedUuid(clock::get);
        List<UUID> made = new ArrayList<>();
        // one id a millisecond, thousands (past the 12-bit count), and the clock stepping back
        for (int ms = 0; ms < 60; ms++) {
            clock.addAndGet(ms % 20 == 19 ? -10 : 1);
            for (int i = 0; i < 1 + ms % 7 * 700; i++) {
                made.add(ids.generate());
            }
        }
        for (int i = 0; i < 1_000; i++) {
            made.add(TimeOrderedUuid.next());
        }

        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.jdbcUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement s = c.createStatement()) {
            s.execute("create temp table made (n int not null, id uuid primary key)");
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into made (n, id) select * from unnest(?::int[], ?::uuid[])")) {
                Array order = c.createArrayOf("int4", IntStream.range(0, made.size()).boxed().toArray());
                Array values = c.createArrayOf("uuid", made.toArray());
                insert.setArray(1, order);
                insert.setArray(2, values);
                insert.executeUpdate();
            }
            List<Integer> byId = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("select n from made order by id")) {
                while (rows.next()) {
                    byId.add(rows.getInt(1));
                }
            }
            assertThat(byId).hasSize(made.size()).isSorted();
        }
    }

    /** Text order of the lowercase hex form is bytewise order, as PostgreSQL's. */
    private static void assertIncreasing(List<UUID> ids) {
        for (int i = 1; i < ids.size(); i++) {
            String previous = ids.get(i - 1).toString();
            String id = ids.get(i).toString();
            if (previous.compareTo(id) >= 0) {
                throw new AssertionError("id " + i + " (" + id + ") is not greater than the one before (" + previous + ")");
            }
        }
    }
}
