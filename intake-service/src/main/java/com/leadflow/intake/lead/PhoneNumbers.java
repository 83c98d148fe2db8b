package com.leadflow.intake.lead;

import java.util.regex.Pattern;

/** Phone numbers as the practice's dialer needs them: E.164, US numbers assumed without a country code. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern US_NATIONAL = Pattern.compile("1?[2-9]\\d{2}[2-9]\\d{6}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    /** The number in E.164, or null when it cannot be a phone number. */
    public static String toE164(String raw) {
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (US_NATIONAL.matcher(compact).matches()) {
            return "+1" + compact.substring(compact.length() - 10);
        }
        if (E164.matcher(compact).matches()) {
            return compact.startsWith("+1") && !US_NATIONAL.matcher(compact.substring(1)).matches() ? null : compact;
        }
        return null;
    }
}
