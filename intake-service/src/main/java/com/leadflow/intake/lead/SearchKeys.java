package com.leadflow.intake.lead;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a care manager finds a lead by name: case and accents do not matter ("zoe" finds Zoë), and a
 * beginning is enough ("quack" finds Quackenbush). A folded name is kept as the hex of its UTF-8
 * bytes, so "starts with" becomes a range of keys ({@link #prefixStart} to {@link #prefixEnd}) that a
 * plain b-tree index answers under any database collation, and the index holds no readable name.
 */
public final class SearchKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final HexFormat HEX = HexFormat.of();

    private SearchKeys() {
    }

    /** The key of a whole name, first name first, as the list sorts and searches it. */
    public static String fullName(String firstName, String lastName) {
        return key(join(firstName, lastName));
    }

    public static String lastName(String lastName) {
        return key(lastName == null ? "" : lastName);
    }

    /** The smallest key starting with what was typed. */
    public static String prefixStart(String typed) {
        return key(typed);
    }

    /**
     * A key above every key starting with what was typed: keys are hex digits only, and "g" sorts
     * after each of them in every collation.
     */
    public static String prefixEnd(String typed) {
        return key(typed) + "g";
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }

    private static String key(String text) {
        return HEX.formatHex(fold(text).getBytes(StandardCharsets.UTF_8));
    }

    private static String join(String first, String last) {
        return (first == null ? "" : first) + " " + (last == null ? "" : last);
    }
}
