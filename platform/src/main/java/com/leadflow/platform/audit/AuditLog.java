package com.leadflow.platform.audit;

import com.leadflow.platform.correlation.Correlation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who read or changed which record, and when. Every read or change of a lead or a review by a
 * person is recorded; when called inside the caller's transaction, the entry commits with the
 * change. Entries name the record by id, never by its content.
 */
public class AuditLog {

    private final DatabaseClient db;

    public AuditLog(DatabaseClient db) {
        this.db = db;
    }

    /** Records an action of the signed-in person (or "anonymous"). */
    public Mono<Void> record(AuditAction action, String subjectType, String subjectId) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getName)
                .defaultIfEmpty("anonymous")
                .flatMap(actor -> record(actor, action, subjectType, subjectId));
    }

    public Mono<Void> record(String actor, AuditAction action, String subjectType, String subjectId) {
        return Correlation.current().flatMap(correlationId -> db.sql("""
                        insert into audit_event (occurred_at, actor, action, subject_type, subject_id, correlation_id)
                        values (:at, :actor, :action, :type, :id, :correlationId)""")
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .bind("actor", actor)
                .bind("action", action.name())
                .bind("type", subjectType)
                .bind("id", subjectId)
                .bind("correlationId", correlationId)
                .then());
    }
}
