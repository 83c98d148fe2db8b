package com.leadflow.intake.submit;

import com.leadflow.events.ServiceType;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.RequestOrigin;
import com.leadflow.intake.lead.SearchKeys;
import com.leadflow.intake.lead.ValidLead;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.platform.db.ConsumerDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final boolean postgres;
    private final Timeline timeline;

    LeadStore(ConsumerDatabase database, Timeline timeline) {
        this.db = database.jdbc();
        this.postgres = database.postgres();
        this.timeline = timeline;
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

    /**
     * Stores the lead with its first timeline step, in one statement: the original of the latest
     * lead since {@code duplicatesSince} with the same email or phone (by hash) is looked up in
     * its first {@code with} clause and stored as the lead's {@code possible_duplicate_of}; the
     * step's entry and stage are the statement's other clauses ({@link Timeline#firstStep}). All
     * of it sees the database as it was before the statement, so the lead is never its own
     * duplicate. Returns the original it was linked to, if any. On H2 (the local run's embedded
     * database, which has no data-modifying {@code with} clauses) the same in three statements.
     */
    Optional<UUID> insert(NewLead lead, Instant duplicatesSince, Timeline.FirstStep firstStep) {
        ValidLead v = lead.lead();
        ValidLead.Attribution a = v.attribution();
        Disclosure d = lead.disclosure();
        RequestOrigin o = lead.origin();
        Map<String, Object> parameters = new HashMap<>(firstStep.parameters());
        parameters.put("id", lead.id());
        parameters.put("token", lead.statusToken());
        parameters.put("at", utc(lead.submittedAt()));
        parameters.put("since", utc(duplicatesSince));
        parameters.put("services", v.requestedServices().stream().map(ServiceType::name).collect(Collectors.joining(",")));
        parameters.put("callback", v.asksFor(ServiceType.CALL_BACK));
        parameters.put("details", lead.detailsJson());
        parameters.put("version", d.version());
        parameters.put("disclosureSha", d.sha256());
        parameters.put("nameKey", SearchKeys.fullName(v.contact().firstName(), v.contact().lastName()));
        parameters.put("lastNameKey", SearchKeys.lastName(v.contact().lastName()));
        parameters.put("email", text(lead.emailSha256()));
        parameters.put("phone", text(lead.phoneSha256()));
        // the lookup compares with something no hash equals when the lead has no email or phone
        parameters.put("emailKey", lead.emailSha256() == null ? "-" : lead.emailSha256());
        parameters.put("phoneKey", lead.phoneSha256() == null ? "-" : lead.phoneSha256());
        parameters.put("ip", text(o.ipAddress()));
        parameters.put("agent", text(o.userAgent()));
        parameters.put("pageUrl", text(v.pageUrl()));
        parameters.put("utmSource", text(a.utmSource()));
        parameters.put("utmMedium", text(a.utmMedium()));
        parameters.put("utmCampaign", text(a.utmCampaign()));
        parameters.put("utmTerm", text(a.utmTerm()));
        parameters.put("utmContent", text(a.utmContent()));
        parameters.put("referrer", text(a.referrer()));
        parameters.put("landingPage", text(a.landingPage()));
        parameters.put("firstTouch", a.firstTouchAt() == null
                ? new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, null) : utc(a.firstTouchAt()));
        if (!postgres) {
            // H2, the local run's embedded database: no data-modifying with clauses, so one statement each
            Optional<UUID> original = db.sql("select " + ORIGINAL + " from lead " + SAME_CONTACT).params(parameters)
                    .query((row, n) -> row.getObject("original", UUID.class)).optional();
            parameters.put("original", original.isPresent() ? original.get()
                    : new SqlParameterValue(Types.OTHER, null));
            db.sql(LEAD_ROW.replace(":duplicate", ":original")).params(parameters).update();
            timeline.recordFirstStepOnEmbedded(firstStep);
            return original;
        }
        List<UUID> original = db.sql("with " + DUPLICATE + ", " + firstStep.withClauses() + ", " + INSERT_LEAD
                        + " select possible_duplicate_of from inserted")
                .params(parameters)
                .query((row, n) -> row.getObject("possible_duplicate_of", UUID.class))
                .list();
        return original.isEmpty() ? Optional.empty() : Optional.ofNullable(original.get(0));
    }

    /** The original a duplicate links to: the latest lead's own original, or that lead. */
    private static final String ORIGINAL = "coalesce(possible_duplicate_of, id) as original";

    private static final String SAME_CONTACT = """
            where (email_sha256 = :emailKey or phone_sha256 = :phoneKey) and submitted_at >= :since
            order by submitted_at desc limit 1""";

    private static final String DUPLICATE = "duplicate as (select " + ORIGINAL + " from lead " + SAME_CONTACT + ")";

    /** The lead's row; {@code :duplicate} stands for the original it links to. */
    private static final String LEAD_ROW = """
            insert into lead (id, status_token, submitted_at, requested_services, callback_requested,
                email_sha256, phone_sha256, possible_duplicate_of, details, consent_given, disclosure_version,
                disclosure_sha256, consent_recorded_at, consent_ip, consent_user_agent, consent_page_url, utm_source,
                utm_medium, utm_campaign, utm_term, utm_content, referrer, landing_page, first_touch_at,
                current_stage, current_status, stage_changed_at, name_key, last_name_key)
            values (:id, :token, :at, :services, :callback, :email, :phone, :duplicate, :details,
                true, :version, :disclosureSha, :at, :ip, :agent, :pageUrl, :utmSource, :utmMedium, :utmCampaign,
                :utmTerm, :utmContent, :referrer, :landingPage, :firstTouch, 'INTAKE', 'LEAD_SUBMITTED', :at,
                :nameKey, :lastNameKey)""";

    private static final String INSERT_LEAD = "inserted as ("
            + LEAD_ROW.replace(":duplicate", "(select original from duplicate)") + " returning possible_duplicate_of)";

    /** A text parameter, typed even when null: an untyped null makes the driver ask the server its type. */
    private static Object text(String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
