package com.leadflow.insurance.payer;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Plain string measures for matching what a visitor types against payer names. */
final class TextSimilarity {

    private TextSimilarity() {
    }

    /** Lower case, accents and punctuation dropped, "&" read as "and", single spaces. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
    }

    static String compact(String normalized) {
        return normalized.replace(" ", "");
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
     * neighbouring letters each cost one, the typos people make when typing fast.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** 1 for equal strings, 0 for nothing in common, by edit distance over the longer length. */
    static double editSimilarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) editDistance(a, b) / longer;
    }

    /** Dice coefficient of the padded letter trigrams: robust to words in another order. */
    static double trigramSimilarity(String a, String b) {
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0.0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        return 2.0 * common.size() / (left.size() + right.size());
    }

    private static Set<String> trigrams(String text) {
        Set<String> grams = new HashSet<>();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                grams.add(padded.substring(i, i + 3));
            }
        }
        return grams;
    }
}
