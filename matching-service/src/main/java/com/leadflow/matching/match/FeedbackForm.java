package com.leadflow.matching.match;

import com.leadflow.matching.validation.Checks;

/** The visitor's feedback as a care manager records it. */
public record FeedbackForm(Integer rating, String comment) {

    /** @throws com.leadflow.platform.web.InvalidRequestException when the rating is missing or out of 1-5, or the comment too long */
    public Feedback toFeedback() {
        Checks checks = new Checks();
        Integer r = checks.range("rating", rating, 1, 5);
        String c = comment == null || comment.isBlank() ? null
                : checks.text("comment", comment, Feedback.MAX_COMMENT_LENGTH, null, null);
        checks.throwIfAny();
        return new Feedback(r, c);
    }
}
