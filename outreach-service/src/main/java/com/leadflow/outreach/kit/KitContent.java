package com.leadflow.outreach.kit;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The kit's words in one language, from {@code kit/kit_<language>.properties}: the practice's own
 * text about each procedure and condition, and the sections every kit has.
 */
public final class KitContent {

    private final ResourceBundle words;
    private final Locale locale;

    public KitContent(Locale locale) {
        this.locale = locale;
        this.words = ResourceBundle.getBundle("kit/kit", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String text(String key, Object... args) {
        return args.length == 0 ? words.getString(key) : new MessageFormat(words.getString(key), locale).format(args);
    }

    /** The procedure's section key: a specific one the practice writes about, else the general text. */
    public static String procedureKey(Procedure procedure) {
        return procedure == null || procedure == Procedure.UNSURE || procedure == Procedure.OTHER
                ? "GENERAL" : procedure.name();
    }

    public String procedureName(Procedure procedure) {
        return text("procedure." + procedureKey(procedure) + ".name");
    }

    public String procedureText(Procedure procedure) {
        return text("procedure." + procedureKey(procedure) + ".what");
    }

    /** A paragraph about the condition, when the visitor named one the practice writes about. */
    public Optional<String> conditionText(Condition condition) {
        String key = "condition." + condition.name();
        return words.containsKey(key) ? Optional.of(text(key)) : Optional.empty();
    }
}
