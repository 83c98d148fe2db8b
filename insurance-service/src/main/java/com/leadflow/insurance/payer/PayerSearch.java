package com.leadflow.insurance.payer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Suggests payers for what a visitor typed, tolerant of abbreviations and typos. Each payer is
 * scored by its best-matching name or alias:
 * <ul>
 *   <li>1.0 an exact name or alias ("uhc", "bcbs");</li>
 *   <li>0.85 to 0.95 a name or alias that starts with the query (typing in progress);</li>
 *   <li>0.8 a word of the name that starts with the query ("healthcare");</li>
 *   <li>otherwise up to 0.75 by similarity: the best of edit similarity (against the whole name and
 *       against its start, for typos while typing) and trigram similarity (words reordered).</li>
 * </ul>
 * Payers scoring under {@link #MIN_SCORE} are not suggested. The directory is small (tens of
 * payers), so every query scores every payer in memory.
 */
public final class PayerSearch {

    static final double MIN_SCORE = 0.5;
    /** A typed payer name matched this well is taken as that payer without asking. */
    static final double CONFIDENT_SCORE = 0.8;

    private final List<Payer> payers;

    public PayerSearch(List<Payer> payers) {
        this.payers = List.copyOf(payers);
    }

    public record Match(Payer payer, double score) {
    }

    /** The best suggestions first, at most {@code limit}. */
    public List<Match> search(String query, int limit) {
        String q = TextSimilarity.normalize(query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (Payer payer : payers) {
            double score = score(q, payer);
            if (score >= MIN_SCORE) {
                matches.add(new Match(payer, score));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.payer().name()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : List.copyOf(matches);
    }

    /** The payer a typed name surely means, when one matches confidently and better than any other. */
    public Optional<Payer> resolve(String typedName) {
        List<Match> top = search(typedName, 2);
        if (top.isEmpty() || top.get(0).score() < CONFIDENT_SCORE) {
            return Optional.empty();
        }
        if (top.size() > 1 && top.get(1).score() >= top.get(0).score()) {
            return Optional.empty();
        }
        return Optional.of(top.get(0).payer());
    }

    static double score(String normalizedQuery, Payer payer) {
        double best = scoreName(normalizedQuery, payer.name());
        for (String alias : payer.aliases()) {
            best = Math.max(best, scoreName(normalizedQuery, alias));
        }
        return best;
    }

    private static double scoreName(String q, String rawName) {
        String name = TextSimilarity.normalize(rawName);
        String qc = TextSimilarity.compact(q);
        String nc = TextSimilarity.compact(name);
        if (nc.isEmpty()) {
            return 0.0;
        }
        if (nc.equals(qc)) {
            return 1.0;
        }
        if (nc.startsWith(qc)) {
            return 0.85 + 0.1 * qc.length() / nc.length();
        }
        if (q.contains(" ") && name.contains(q)) {
            return 0.8;
        }
        for (String word : name.split(" ")) {
            if (word.startsWith(qc)) {
                return 0.8;
            }
        }
        double whole = TextSimilarity.editSimilarity(qc, nc);
        // a typo in the first letters of a long name: compare with the name's start of the same length
        double start = qc.length() >= 4 && nc.length() > qc.length()
                ? TextSimilarity.editSimilarity(qc, nc.substring(0, qc.length())) - 0.05 : 0.0;
        double words = TextSimilarity.trigramSimilarity(q, name);
        double wordEdit = 0.0;
        for (String word : name.split(" ")) {
            if (word.length() >= 4 && qc.length() >= 4) {
                wordEdit = Math.max(wordEdit, TextSimilarity.editSimilarity(qc, word) - 0.05);
            }
        }
        return 0.75 * Math.max(Math.max(whole, start), Math.max(words, wordEdit));
    }
}
