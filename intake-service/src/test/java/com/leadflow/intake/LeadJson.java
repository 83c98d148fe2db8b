package com.leadflow.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A valid web form submission as JSON, with unique contact details each time, that a test changes
 * field by field ({@code with("contact.email", "x")}).
 */
public final class LeadJson {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Map<String, Object> root;

    private LeadJson(Map<String, Object> root) {
        this.root = root;
    }

    public static LeadJson valid() {
        int n = SEQUENCE.incrementAndGet();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("requestedServices", new ArrayList<>(List.of("MRI_CT_REVIEW", "CALL_BACK", "INSURANCE_VERIFICATION")));
        root.put("contact", map("firstName", "Rosalind" + letters(n), "lastName", "Quackenbush" + letters(n),
                "email", "rosalind." + unique + "@example.org",
                "phone", "(415) 555-" + String.format("%04d", 1000 + n % 9000),
                "preferredChannel", "PHONE", "preferredTime", "MORNING"));
        root.put("dateOfBirth", "1961-07-" + String.format("%02d", 1 + n % 28));
        root.put("zipCode", "94110");
        root.put("preferredLanguage", "en");
        root.put("clinical", map("condition", "HERNIATED_DISC", "symptoms", List.of("LOWER_BACK_PAIN", "SCIATIC_PAIN"),
                "redFlags", List.of("PROGRESSIVE_WEAKNESS"), "painLevel", 7, "painDuration", "MONTHS_3_TO_12",
                "treatmentsTried", List.of("PHYSICAL_THERAPY", "INJECTIONS"), "procedureOfInterest", "MICRODISCECTOMY",
                "description", "Pain down the left leg"));
        root.put("insurance", map("payerName", "Blue Shield of California", "memberId", "XQZ" + unique.toUpperCase(),
                "groupNumber", "G-100", "subscriberRelationship", "SELF"));
        root.put("consent", map("contactConsentGiven", true, "disclosureVersion", "2026-11-01",
                "pageUrl", "https://practice.example/procedures/microdiscectomy"));
        root.put("attribution", map("utmSource", "google", "utmMedium", "cpc", "utmCampaign", "spine-fall",
                "referrer", "https://www.google.com/", "landingPage", "https://practice.example/procedures/microdiscectomy",
                "firstTouchAt", "2026-11-20T09:15:00Z"));
        return new LeadJson(root);
    }

    /** Sets a value at a dotted path, e.g. {@code contact.email}. */
    @SuppressWarnings("unchecked")
    public LeadJson with(String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        node.put(parts[parts.length - 1], value);
        return this;
    }

    public LeadJson without(String path) {
        return with(path, null);
    }

    @SuppressWarnings("unchecked")
    public String get(String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.get(parts[i]);
        }
        return String.valueOf(node.get(parts[parts.length - 1]));
    }

    public Map<String, Object> body() {
        return root;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Names must be letters only: a number becomes letters (1 → b, 12 → bc). */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append((char) ('a' + (c - '0')));
        }
        return out.toString();
    }
}
