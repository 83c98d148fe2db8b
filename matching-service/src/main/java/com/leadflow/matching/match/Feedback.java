package com.leadflow.matching.match;

/**
 * What the visitor said about the conversation.
 *
 * @param rating 1 (not helpful) to 5 (very helpful)
 * @param comment the visitor's words, or null; PHI: never logged
 */
public record Feedback(int rating, String comment) {

    public static final int MAX_COMMENT_LENGTH = 2000;
}
