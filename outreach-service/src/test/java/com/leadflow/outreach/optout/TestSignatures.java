package com.leadflow.outreach.optout;

import java.util.List;
import java.util.Map;

/** Signs a webhook request the way the SMS gateway does, for tests. */
public final class TestSignatures {

    private TestSignatures() {
    }

    public static String sign(String authToken, String url, Map<String, List<String>> form) {
        return TwilioSignature.of(authToken, url, form);
    }
}
