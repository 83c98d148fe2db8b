package com.leadflow.intake.submit;

import com.leadflow.events.ServiceType;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.RequestOrigin;
import com.leadflow.intake.lead.SearchKeys;
import com.leadflow.intake.lead.ValidLead;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Stores new leads, their idempotency keys, and finds recent leads with the same contact. */
@Repository
class LeadStore {

    private final DatabaseClient db;

    LeadStore(DatabaseClient db) {
        this.db = db;
    }

    /** Claims a client's key for a new lead; false when an earlier request holds it already. */
    Mono<Boolean> claimKey(String key, String requestSha256, UUID leadId, Instant now) {
        return db.sql("""
                        insert into idempotency_key (idempotency_key, request_sha256, lead_id, created_at)
                        values (:key, :hash, :lead, :at) on conflict do nothing""")
                .bind("key", key).bind("hash", requestSha256).bind("lead", leadId).bind("at", utc(now))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The first answer given for a key, with the hash of the request that got it. */
    Mono<FirstAnswer> firstAnswer(String key) {
        return db.sql("""
                        select k.request_sha256, l.id, l.status_token from idempotency_key k
                        join lead l on l.id = k.lead_id where k.idempotency_key = :key""")
                .bind("key", key)
                .map((row, meta) -> new FirstAnswer(row.get("request_sha256", String.class),
                        new SubmittedLead(row.get("id", UUID.class), row.get("status_token", String.class), true)))
                .one();
    }

    record FirstAnswer(String requestSha256, SubmittedLead lead) {
    }

    /** The original of the latest lead since {@code since} with the same email or phone (by hash). */
    Mono<UUID> recentWithSameContact(String emailSha256, String phoneSha256, Instant since) {
        return db.sql("""
                        select coalesce(possible_duplicate_of, id) as original from lead
                        where (email_sha256 = :email or phone_sha256 = :phone) and submitted_at >= :since
                        order by submitted_at desc limit 1""")
                .bind("email", emailSha256 == null ? "-" : emailSha256)
                .bind("phone", phoneSha256 == null ? "-" : phoneSha256)
                .bind("since", utc(since))
                .map((row, meta) -> row.get("original", UUID.class))
                .one();
    }

    Mono<Void> insert(NewLead lead) {
        ValidLead v = lead.lead();
        ValidLead.Attribution a = v.attribution();
        Disclosure d = lead.disclosure();
        RequestOrigin o = lead.origin();
        GenericExecuteSpec spec = db.sql("""
                insert into lead (id, status_token, submitted_at, requested_services, callback_requested, email_sha256,
                    phone_sha256, possible_duplicate_of, details, consent_given, disclosure_version, disclosure_sha256,
                    consent_recorded_at, consent_ip, consent_user_agent, consent_page_url, utm_source, utm_medium,
                    utm_campaign, utm_term, utm_content, referrer, landing_page, first_touch_at,
                    current_stage, current_status, stage_changed_at, name_key, last_name_key)
                values (:id, :token, :at, :services, :callback, :email, :phone, :duplicateOf, :details, true, :version,
                    :disclosureSha, :at, :ip, :agent, :pageUrl, :utmSource, :utmMedium, :utmCampaign, :utmTerm,
                    :utmContent, :referrer, :landingPage, :firstTouch, 'INTAKE', 'LEAD_SUBMITTED', :at,
                    :nameKey, :lastNameKey)""")
                .bind("id", lead.id())
                .bind("token", lead.statusToken())
                .bind("at", utc(lead.submittedAt()))
                .bind("services", v.requestedServices().stream().map(ServiceType::name).collect(Collectors.joining(",")))
                .bind("callback", v.asksFor(ServiceType.CALL_BACK))
                .bind("details", lead.detailsJson())
                .bind("version", d.version())
                .bind("disclosureSha", d.sha256())
                .bind("nameKey", SearchKeys.fullName(v.contact().firstName(), v.contact().lastName()))
                .bind("lastNameKey", SearchKeys.lastName(v.contact().lastName()));
        spec = bindNullable(spec, "email", lead.emailSha256(), String.class);
        spec = bindNullable(spec, "phone", lead.phoneSha256(), String.class);
        spec = bindNullable(spec, "duplicateOf", lead.possibleDuplicateOf(), UUID.class);
        spec = bindNullable(spec, "ip", o.ipAddress(), String.class);
        spec = bindNullable(spec, "agent", o.userAgent(), String.class);
        spec = bindNullable(spec, "pageUrl", v.pageUrl(), String.class);
        spec = bindNullable(spec, "utmSource", a.utmSource(), String.class);
        spec = bindNullable(spec, "utmMedium", a.utmMedium(), String.class);
        spec = bindNullable(spec, "utmCampaign", a.utmCampaign(), String.class);
        spec = bindNullable(spec, "utmTerm", a.utmTerm(), String.class);
        spec = bindNullable(spec, "utmContent", a.utmContent(), String.class);
        spec = bindNullable(spec, "referrer", a.referrer(), String.class);
        spec = bindNullable(spec, "landingPage", a.landingPage(), String.class);
        spec = bindNullable(spec, "firstTouch", a.firstTouchAt() == null ? null : utc(a.firstTouchAt()),
                OffsetDateTime.class);
        return spec.then();
    }

    static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
