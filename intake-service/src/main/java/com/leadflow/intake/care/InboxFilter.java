package com.leadflow.intake.care;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a care manager asked the inbox for, checked: search text, filters, order, page. Every wrong
 * parameter is named at once, without echoing what was sent.
 *
 * @param owner "me", "none" (nobody works the lead yet) or a user name; null for anyone's
 */
record InboxFilter(String search, String service, String stage, String status, boolean overdueOnly,
        boolean duplicatesOnly, String owner, LocalDate from, LocalDate to, Sort sort, InboxCursor after, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    static final int MAX_SEARCH = 200;
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,60}");

    /** The inbox's orders; the default puts the leads still waiting first, the longest-waiting on top. */
    enum Sort {
        ATTENTION, NEWEST, OLDEST, NAME, NAME_DESC;

        String parameter() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Sort of(String parameter) {
            for (Sort sort : values()) {
                if (sort.parameter().equals(parameter)) {
                    return sort;
                }
            }
            return null;
        }
    }

    static InboxFilter parse(Map<String, String> query) {
        List<FieldViolation> violations = new ArrayList<>();
        String search = blankToNull(query.get("q"));
        if (search != null && search.length() > MAX_SEARCH) {
            violations.add(new FieldViolation("q", "too-long", "Search for at most " + MAX_SEARCH + " characters."));
        }
        String service = code(query, "service", names(ServiceType.values()), violations);
        String stage = code(query, "stage", names(Stage.values()), violations);
        List<String> statuses = new ArrayList<>(names(LeadStatus.values()));
        statuses.addAll(List.of(Labels.SUBMITTED, Labels.CONTACT_ATTEMPTED));
        String status = code(query, "status", statuses, violations);
        boolean overdue = yesNo(query, "overdue", violations);
        boolean duplicates = yesNo(query, "duplicate", violations);
        String owner = blankToNull(query.get("owner"));
        if (owner != null && !USER_NAME.matcher(owner).matches()) {
            violations.add(new FieldViolation("owner", "format", "Choose me, none, or a user name."));
        }
        LocalDate from = date(query, "from", violations);
        LocalDate to = date(query, "to", violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("to", "before-from", "The last day cannot come before the first."));
        }
        Sort sort = Sort.ATTENTION;
        String sortParameter = blankToNull(query.get("sort"));
        if (sortParameter != null) {
            sort = Sort.of(sortParameter);
            if (sort == null) {
                violations.add(new FieldViolation("sort", "unknown-value", "Sort by one of: "
                        + Arrays.stream(Sort.values()).map(Sort::parameter).collect(Collectors.joining(", ")) + "."));
            }
        }
        int size = size(query.get("size"), violations);
        InboxCursor after = null;
        String cursor = blankToNull(query.get("after"));
        if (cursor != null && sort != null) {
            after = InboxCursor.decode(cursor, sort);
            if (after == null) {
                violations.add(new FieldViolation("after", "unknown-cursor",
                        "Use the next link of a page in the same order."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new InboxFilter(search, service, stage, status, overdue, duplicates, owner, from, to, sort, after, size);
    }

    private static String code(Map<String, String> query, String field, List<String> allowed,
            List<FieldViolation> violations) {
        String value = blankToNull(query.get(field));
        if (value != null && !allowed.contains(value)) {
            violations.add(new FieldViolation(field, "unknown-value", "Not one of the listed choices."));
            return null;
        }
        return value;
    }

    private static boolean yesNo(Map<String, String> query, String field, List<FieldViolation> violations) {
        String value = blankToNull(query.get(field));
        if (value == null || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            violations.add(new FieldViolation(field, "type", "Use true or false."));
        }
        return true;
    }

    private static LocalDate date(Map<String, String> query, String field, List<FieldViolation> violations) {
        String value = blankToNull(query.get(field));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "format", "Use a date like 2026-11-30."));
            return null;
        }
    }

    private static int size(String value, List<FieldViolation> violations) {
        if (blankToNull(value) == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        violations.add(new FieldViolation("size", "range", "Ask for 1 to " + MAX_SIZE + " leads a page."));
        return DEFAULT_SIZE;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
