package com.leadflow.platform.audit;

import com.leadflow.platform.correlation.Correlation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who read or changed which record, and when. Every read or change of a lead or a review by a
 * person is recorded; when called inside the caller's transaction, the entry commits with the
 * change. Entries name the record by id, never by its content. {@link #record} writes on R2DBC,
 * in a reactive transaction; {@link #add} on JDBC, in the calling thread's transaction of the
 * {@link com.leadflow.platform.db.ConsumerDatabase}.
 */
public class AuditLog {

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor, action, subject_type, subject_id, correlation_id)
            values (:at, :actor, :action, :type, :id, :correlationId)""";

    private final DatabaseClient db;
    private final JdbcClient jdbc;

    public AuditLog(DatabaseClient db, JdbcClient jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** Records an action on JDBC, in the transaction the calling thread runs. */
    public void add(String actor, AuditAction action, String subjectType, String subjectId, String correlationId) {
        jdbc.sql(INSERT)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action.name())
                .param("type", subjectType)
                .param("id", subjectId)
                .param("correlationId", correlationId)
                .update();
    }

    /** Records an action of the signed-in person (or "anonymous"). */
    public Mono<Void> record(AuditAction action, String subjectType, String subjectId) {
        return actor().flatMap(actor -> record(actor, action, subjectType, subjectId));
    }

    /** Who is signed in to the current request ("anonymous" when nobody is), for an entry written later. */
    public static Mono<String> actor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getName)
                .defaultIfEmpty("anonymous");
    }

    public Mono<Void> record(String actor, AuditAction action, String subjectType, String subjectId) {
        return Correlation.current().flatMap(correlationId -> db.sql(INSERT)
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .bind("actor", actor)
                .bind("action", action.name())
                .bind("type", subjectType)
                .bind("id", subjectId)
                .bind("correlationId", correlationId)
                .then());
    }
}
