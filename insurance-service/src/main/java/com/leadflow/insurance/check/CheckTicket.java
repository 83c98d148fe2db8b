package com.leadflow.insurance.check;

import com.leadflow.platform.kafka.EventRejectedException;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What travels on the checks topic and its retry topics: which check to attempt, and which attempt
 * the record's first delivery makes. Ids only, so no PHI is copied onto more topics; the check's
 * request is read from the database.
 */
public record CheckTicket(UUID checkId, int attempt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String toJson() {
        return JSON.createObjectNode().put("checkId", checkId.toString()).put("attempt", attempt).toString();
    }

    /** Reads a ticket; anything else can never be processed and is rejected with a PHI-free reason. */
    public static CheckTicket parse(String json) {
        if (json == null) {
            throw new EventRejectedException("The check ticket is empty");
        }
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode id = node.get("checkId");
            JsonNode attempt = node.get("attempt");
            if (id == null || !id.isString() || attempt == null || !attempt.isInt() || attempt.intValue() < 1) {
                throw new EventRejectedException("A check ticket needs checkId (a UUID) and attempt (1 or more)");
            }
            return new CheckTicket(UUID.fromString(id.stringValue()), attempt.intValue());
        } catch (JacksonException | IllegalArgumentException unreadable) {
            if (unreadable instanceof EventRejectedException rejected) {
                throw rejected;
            }
            throw new EventRejectedException("The check ticket is not JSON with a UUID checkId");
        }
    }
}
