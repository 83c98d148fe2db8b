package com.leadflow.intake.care;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a page of the inbox ended: the last lead's sort key and id (keyset paging), so the next page
 * starts right after it even while new leads arrive. Opaque to the page; it names no person.
 *
 * @param waiting for the default order, whether the page ended among the leads still waiting
 * @param key the last lead's submission time (ISO-8601) or name key
 */
record InboxCursor(InboxFilter.Sort sort, boolean waiting, String key, UUID id) {

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-f]{0,500}");

    String encode() {
        String plain = sort.parameter() + "~" + (waiting ? "w" : "r") + "~" + key + "~" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    Instant time() {
        return Instant.parse(key);
    }

    /** The cursor, or null when it is not one of this order's. */
    static InboxCursor decode(String text, InboxFilter.Sort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("~", -1);
            if (parts.length != 4 || !parts[0].equals(sort.parameter()) || !parts[1].matches("[wr]")) {
                return null;
            }
            boolean byName = sort == InboxFilter.Sort.NAME || sort == InboxFilter.Sort.NAME_DESC;
            if (byName ? !HEX_KEY.matcher(parts[2]).matches() : Instant.parse(parts[2]) == null) {
                return null;
            }
            return new InboxCursor(sort, parts[1].equals("w"), parts[2], UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }
}
