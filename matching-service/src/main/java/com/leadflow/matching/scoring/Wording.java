package com.leadflow.matching.scoring;

import java.util.Locale;

/** Names of conditions, procedures and languages as a care manager reads them. */
public final class Wording {

    private Wording() {
    }

    /** {@code SPINAL_STENOSIS} → "spinal stenosis". */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code es} → "Spanish". */
    public static String language(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
