package com.leadflow.intake.care;

import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.lead.PhoneNumbers;
import com.leadflow.intake.lead.SearchKeys;
import com.leadflow.platform.db.SqlValues;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The inbox's SQL: one page of leads in one order, after the previous page's last lead (keyset
 * paging: a page never repeats or skips a lead because others arrived meanwhile). Each order walks
 * an index of V2 ({@code lead_inbox}, {@code lead_submitted}, {@code lead_name}), so a page costs
 * the same at 100,000 leads as at 100 (InboxAtScaleTest checks the plans).
 *
 * <p>Search looks at what was typed: a lead id finds that lead; an email or a phone number (any
 * spelling) finds the leads with that contact through its hash, like the duplicate check; anything
 * else is the beginning of the first or the last name (see {@link SearchKeys}).
 */
final class InboxQuery {

    /** The default order is two walks: the leads still waiting, then the reached ones. */
    enum Segment { ALL, WAITING, REACHED }

    record Statement(String sql, Map<String, Object> binds) {

        GenericExecuteSpec on(DatabaseClient db, String prefix) {
            GenericExecuteSpec spec = db.sql(prefix + sql);
            for (Map.Entry<String, Object> bind : binds.entrySet()) {
                spec = spec.bind(bind.getKey(), bind.getValue());
            }
            return spec;
        }
    }

    private InboxQuery() {
    }

    static Statement page(InboxFilter filter, Segment segment, InboxCursor after, int limit, String me,
            Instant overdueBefore) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (filter.search() != null) {
            search(filter.search(), where, binds);
        }
        if (filter.service() != null) {
            // services are stored comma-joined; the enum names contain no commas
            where.add("(',' || requested_services || ',') like :service");
            binds.put("service", "%," + filter.service() + ",%");
        }
        if (filter.stage() != null) {
            where.add("current_stage = :stage");
            binds.put("stage", filter.stage());
        }
        if (filter.status() != null) {
            where.add("current_status = :status");
            binds.put("status", filter.status());
        }
        if (filter.overdueOnly()) {
            where.add("waiting = true and submitted_at <= :overdueBefore");
            binds.put("overdueBefore", SqlValues.utc(overdueBefore));
        }
        if (filter.duplicatesOnly()) {
            where.add("possible_duplicate_of is not null");
        }
        if ("none".equals(filter.owner())) {
            where.add("owner is null");
        } else if (filter.owner() != null) {
            where.add("owner = :owner");
            binds.put("owner", "me".equals(filter.owner()) ? me : filter.owner());
        }
        if (filter.from() != null) {
            where.add("submitted_at >= :from");
            binds.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.add("submitted_at < :to");
            binds.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (segment != Segment.ALL) {
            where.add("waiting = " + (segment == Segment.WAITING));
        }
        String column = switch (filter.sort()) {
            case NAME, NAME_DESC -> "name_key";
            default -> "submitted_at";
        };
        boolean ascending = switch (filter.sort()) {
            case ATTENTION -> segment == Segment.WAITING;
            case OLDEST, NAME -> true;
            case NEWEST, NAME_DESC -> false;
        };
        if (after != null) {
            where.add("(" + column + ", id) " + (ascending ? ">" : "<") + " (:afterKey, :afterId)");
            binds.put("afterKey", column.equals("name_key") ? after.key() : SqlValues.utc(after.time()));
            binds.put("afterId", after.id());
        }
        String direction = ascending ? "" : " desc";
        String sql = "select * from lead" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + column + direction + ", id" + direction + " limit " + limit;
        return new Statement(sql, binds);
    }

    private static void search(String typed, List<String> where, Map<String, Object> binds) {
        UUID id = leadId(typed);
        String phone = PhoneNumbers.toE164(typed);
        if (id != null) {
            where.add("id = :searchId");
            binds.put("searchId", id);
        } else if (typed.contains("@")) {
            where.add("email_sha256 = :searchEmail");
            String email = Normalizer.normalize(typed, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
            binds.put("searchEmail", Disclosure.sha256(email.getBytes(StandardCharsets.UTF_8)));
        } else if (phone != null) {
            where.add("phone_sha256 = :searchPhone");
            binds.put("searchPhone", Disclosure.sha256(phone.getBytes(StandardCharsets.UTF_8)));
        } else {
            where.add("((name_key >= :nameFrom and name_key < :nameTo)"
                    + " or (last_name_key >= :nameFrom and last_name_key < :nameTo))");
            binds.put("nameFrom", SearchKeys.prefixStart(typed));
            binds.put("nameTo", SearchKeys.prefixEnd(typed));
        }
    }

    private static UUID leadId(String typed) {
        if (typed.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
