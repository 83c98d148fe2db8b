package com.leadflow.insurance.gateway.http;

import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.PayerAnswer;
import com.leadflow.insurance.eligibility.PayerError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The clearinghouse's JSON form of a 270 inquiry and a 271 answer. Reading is strict about shape
 * and lenient about absence: a field of the wrong type makes the whole answer unreadable (naming
 * the field, never its value), a missing optional field is simply not known.
 */
final class ClearinghouseJson {

    private final ObjectMapper json;

    ClearinghouseJson(ObjectMapper json) {
        this.json = json;
    }

    String inquiry(EligibilityRequest request) {
        Map<String, Object> subscriber = new LinkedHashMap<>();
        subscriber.put("firstName", request.subscriber().firstName());
        subscriber.put("lastName", request.subscriber().lastName());
        subscriber.put("dateOfBirth", request.subscriber().dateOfBirth().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNpi", request.providerNpi());
        body.put("payerId", request.payerId());
        body.put("memberId", request.memberId());
        body.put("subscriber", subscriber);
        body.put("serviceTypeCodes", request.serviceTypeCodes());
        return json.writeValueAsString(body);
    }

    PayerAnswer answer(String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return new PayerAnswer.Unreadable("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new PayerAnswer.Unreadable("the body is not a JSON object");
        }
        JsonNode coverages = root.get("coverages");
        JsonNode errors = root.get("errors");
        if (isAbsent(coverages) && isAbsent(errors)) {
            return new PayerAnswer.Unreadable("neither coverages nor errors");
        }
        try {
            return new PayerAnswer.Answered(readCoverages(coverages), readErrors(errors));
        } catch (BadField bad) {
            return new PayerAnswer.Unreadable("field " + bad.getMessage() + " is malformed");
        }
    }

    private List<Coverage> readCoverages(JsonNode node) {
        List<Coverage> coverages = new ArrayList<>();
        for (JsonNode c : array(node, "coverages")) {
            if (!c.isObject()) {
                throw new BadField("coverages[]");
            }
            JsonNode active = c.get("active");
            if (active == null || !active.isBoolean()) {
                throw new BadField("coverages[].active");
            }
            coverages.add(new Coverage(active.booleanValue(), text(c, "planName"), date(c, "start"), date(c, "end"),
                    network(c), cents(c, "copay"), percent(c), cents(c, "deductibleRemaining"),
                    cents(c, "outOfPocketRemaining"), bool(c, "priorAuthRequired"), text(c, "serviceType")));
        }
        return coverages;
    }

    private List<PayerError> readErrors(JsonNode node) {
        List<PayerError> errors = new ArrayList<>();
        for (JsonNode e : array(node, "errors")) {
            String code = e.isObject() ? text(e, "code") : null;
            if (code == null || code.isBlank()) {
                throw new BadField("errors[].code");
            }
            errors.add(new PayerError(code, text(e, "followUpAction")));
        }
        return errors;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        if (isAbsent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadField(field);
        }
        return node;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            throw new BadField(field);
        }
        return node.asString();
    }

    private static Boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new BadField("coverages[]." + field);
        }
        return node.booleanValue();
    }

    private static LocalDate date(JsonNode parent, String field) {
        String text = text(parent, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadField("coverages[]." + field);
        }
    }

    private static Long cents(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            throw new BadField("coverages[]." + field);
        }
        return node.decimalValue().movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private static Integer percent(JsonNode parent) {
        JsonNode node = parent.get("coinsurance");
        if (isAbsent(node)) {
            return null;
        }
        BigDecimal value = node.isNumber() ? node.decimalValue() : null;
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new BadField("coverages[].coinsurance");
        }
        return value.intValue();
    }

    private static Network network(JsonNode parent) {
        String value = text(parent, "network");
        if (value == null) {
            return Network.UNKNOWN;
        }
        return switch (value.strip().toUpperCase()) {
            case "IN" -> Network.IN_NETWORK;
            case "OUT" -> Network.OUT_OF_NETWORK;
            default -> throw new BadField("coverages[].network");
        };
    }

    /** A field that is there but not of its type; the message names the field only. */
    private static final class BadField extends RuntimeException {
        BadField(String field) {
            super(field, null, false, false);
        }
    }
}
