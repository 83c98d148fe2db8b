package com.leadflow.intake.submit;

import com.leadflow.events.ServiceType;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.RequestOrigin;
import com.leadflow.intake.lead.SearchKeys;
import com.leadflow.intake.lead.ValidLead;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores new leads, their idempotency keys, and finds recent leads with the same contact. On JDBC,
 * in the submission's transaction on its worker thread ({@link SubmitLead}).
 */
@Repository
class LeadStore {

    private final JdbcClient db;

    LeadStore(JdbcClient db) {
        this.db = db;
    }

    /** Claims a client's key for a new lead; false when an earlier request holds it already. */
    boolean claimKey(String key, String requestSha256, UUID leadId, Instant now) {
        return db.sql("""
                        insert into idempotency_key (idempotency_key, request_sha256, lead_id, created_at)
                        values (:key, :hash, :lead, :at) on conflict do nothing""")
                .param("key", key).param("hash", requestSha256).param("lead", leadId).param("at", utc(now))
                .update() > 0;
    }

    /** The first answer given for a key, with the hash of the request that got it. */
    Optional<FirstAnswer> firstAnswer(String key) {
        return db.sql("""
                        select k.request_sha256, l.id, l.status_token from idempotency_key k
                        join lead l on l.id = k.lead_id where k.idempotency_key = :key""")
                .param("key", key)
                .query((row, n) -> new FirstAnswer(row.getString("request_sha256"),
                        new SubmittedLead(row.getObject("id", UUID.class), row.getString("status_token"), true)))
                .optional();
    }

    record FirstAnswer(String requestSha256, SubmittedLead lead) {
    }

    /** The original of the latest lead since {@code since} with the same email or phone (by hash). */
    Optional<UUID> recentWithSameContact(String emailSha256, String phoneSha256, Instant since) {
        return db.sql("""
                        select coalesce(possible_duplicate_of, id) as original from lead
                        where (email_sha256 = :email or phone_sha256 = :phone) and submitted_at >= :since
                        order by submitted_at desc limit 1""")
                .param("email", emailSha256 == null ? "-" : emailSha256)
                .param("phone", phoneSha256 == null ? "-" : phoneSha256)
                .param("since", utc(since))
                .query((row, n) -> row.getObject("original", UUID.class))
                .optional();
    }

    void insert(NewLead lead) {
        ValidLead v = lead.lead();
        ValidLead.Attribution a = v.attribution();
        Disclosure d = lead.disclosure();
        RequestOrigin o = lead.origin();
        db.sql("""
                insert into lead (id, status_token, submitted_at, requested_services, callback_requested, email_sha256,
                    phone_sha256, possible_duplicate_of, details, consent_given, disclosure_version, disclosure_sha256,
                    consent_recorded_at, consent_ip, consent_user_agent, consent_page_url, utm_source, utm_medium,
                    utm_campaign, utm_term, utm_content, referrer, landing_page, first_touch_at,
                    current_stage, current_status, stage_changed_at, name_key, last_name_key)
                values (:id, :token, :at, :services, :callback, :email, :phone, :duplicateOf, :details, true, :version,
                    :disclosureSha, :at, :ip, :agent, :pageUrl, :utmSource, :utmMedium, :utmCampaign, :utmTerm,
                    :utmContent, :referrer, :landingPage, :firstTouch, 'INTAKE', 'LEAD_SUBMITTED', :at,
                    :nameKey, :lastNameKey)""")
                .param("id", lead.id())
                .param("token", lead.statusToken())
                .param("at", utc(lead.submittedAt()))
                .param("services", v.requestedServices().stream().map(ServiceType::name).collect(Collectors.joining(",")))
                .param("callback", v.asksFor(ServiceType.CALL_BACK))
                .param("details", lead.detailsJson())
                .param("version", d.version())
                .param("disclosureSha", d.sha256())
                .param("nameKey", SearchKeys.fullName(v.contact().firstName(), v.contact().lastName()))
                .param("lastNameKey", SearchKeys.lastName(v.contact().lastName()))
                .param("email", text(lead.emailSha256()))
                .param("phone", text(lead.phoneSha256()))
                .param("duplicateOf", lead.possibleDuplicateOf() == null
                        ? new SqlParameterValue(Types.OTHER, null) : lead.possibleDuplicateOf())
                .param("ip", text(o.ipAddress()))
                .param("agent", text(o.userAgent()))
                .param("pageUrl", text(v.pageUrl()))
                .param("utmSource", text(a.utmSource()))
                .param("utmMedium", text(a.utmMedium()))
                .param("utmCampaign", text(a.utmCampaign()))
                .param("utmTerm", text(a.utmTerm()))
                .param("utmContent", text(a.utmContent()))
                .param("referrer", text(a.referrer()))
                .param("landingPage", text(a.landingPage()))
                .param("firstTouch", a.firstTouchAt() == null
                        ? new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, null) : utc(a.firstTouchAt()))
                .update();
    }

    /** A text parameter, typed even when null: an untyped null makes the driver ask the server its type. */
    private static Object text(String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
