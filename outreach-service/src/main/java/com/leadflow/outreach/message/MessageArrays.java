package com.leadflow.outreach.message;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A poll's or a batch's message rows as one PostgreSQL statement whatever their number: each column
 * goes as one array ({@code unnest}), so the statement has one shape, is parsed once by the driver,
 * and PostgreSQL runs one statement where a batch of updates ran one per row. The columns travel as
 * text and are cast in the statement ({@code uuid}, {@code timestamptz}), as the driver would send them.
 * A new message gives way only to its lead's message of the same purpose: naming that constraint
 * spares each row a look into the primary key before it is written (a new random id is never taken).
 */
final class MessageArrays {

    private static final String INSERT = """
            insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at, requested_by)
            select r.id::uuid, r.lead_id::uuid, r.purpose, r.kind, r.channel, r.state, r.at::timestamptz,
                r.at::timestamptz, r.requested_by
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                with ordinality as r(id, lead_id, purpose, kind, channel, state, at, requested_by, n)
            order by r.n
            on conflict (lead_id, purpose) do nothing
            returning id""";
    private static final String FINISH = """
            update message m set channel = r.channel, state = r.state, leased_until = null, reason = r.reason,
                provider_id = r.provider_id, sent_at = r.sent_at::timestamptz
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(id, channel, state, reason, provider_id, sent_at)
            where m.id = r.id::uuid""";
    private static final String HOLD = """
            update message m set channel = coalesce(r.channel, m.channel), state = r.state,
                due_at = r.due_at::timestamptz, attempts = r.attempts::int, leased_until = null, reason = r.reason
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(id, channel, state, due_at, attempts, reason)
            where m.id = r.id::uuid""";

    private final JdbcTemplate jdbc;

    MessageArrays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the ids of the messages added, in the caller's transaction; the others' leads had one for that purpose */
    Set<UUID> insert(List<Message> rows) {
        Set<UUID> added = new HashSet<>();
        jdbc.query(INSERT, statement -> columns(statement, rows, List.of(
                m -> m.id().toString(), m -> m.leadId().toString(), Message::purpose, m -> m.kind().name(),
                m -> m.channel().name(), m -> m.state().name(), m -> m.createdAt().toString(), Message::requestedBy)),
                (RowCallbackHandler) row -> added.add(row.getObject(1, UUID.class)));
        return added;
    }

    void finish(List<Messages.Finish> rows) {
        jdbc.update(FINISH, statement -> columns(statement, rows, List.of(
                f -> f.id().toString(), f -> f.channel().name(), f -> f.state().name(), Messages.Finish::reason,
                Messages.Finish::providerId, f -> f.state() == MessageState.SENT ? f.at().toString() : null)));
    }

    void hold(List<Messages.Hold> rows) {
        jdbc.update(HOLD, statement -> columns(statement, rows, List.of(
                h -> h.id().toString(), h -> h.channel() == null ? null : h.channel().name(), h -> h.state().name(),
                h -> h.until().toString(), h -> Integer.toString(h.attempts()), Messages.Hold::reason)));
    }

    /** Binds each column of {@code rows} as a text array, in the order of the statement's parameters. */
    private static <T> void columns(PreparedStatement statement, List<T> rows, List<Function<T, String>> columns)
            throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            Function<T, String> column = columns.get(c);
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = column.apply(rows.get(r));
            }
            Array array = statement.getConnection().createArrayOf("text", values);
            statement.setArray(c + 1, array);
        }
    }
}
