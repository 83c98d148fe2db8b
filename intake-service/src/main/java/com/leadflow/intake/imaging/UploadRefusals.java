package com.leadflow.intake.imaging;

import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The answers to an upload that cannot be kept, each naming the field ({@code file}) and the rule.
 * Messages name a file by its place in the upload ("file 2", "entry 7"), never by its name, which
 * may carry a patient's name.
 */
final class UploadRefusals {

    private UploadRefusals() {
    }

    static ErrorResponseException tooLarge(String what, long maxBytes) {
        return refusal(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large", "max-size",
                what + " is larger than allowed: a file may be at most " + readable(maxBytes) + " (" + maxBytes
                        + " bytes).");
    }

    private static String readable(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    static ErrorResponseException unsupported(String rule, String message) {
        return refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file", rule, message);
    }

    static ErrorResponseException tooManyFiles(int max) {
        return refusal(HttpStatus.CONTENT_TOO_LARGE, "too-many-files", "Too many files", "max-files",
                "Send at most " + max + " files at once, or put the study in one ZIP file.");
    }

    static ErrorResponseException archive(HttpStatus status, String rule, String message) {
        return refusal(status, "archive-refused", "Archive refused", rule, message);
    }

    private static ErrorResponseException refusal(HttpStatus status, String type, String title, String rule,
            String message) {
        ProblemDetail problem = Problems.of(status, type, title, message);
        problem.setProperty("errors", List.of(new FieldViolation("file", rule, message)));
        return new ErrorResponseException(status, problem, null);
    }
}
