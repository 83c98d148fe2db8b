package com.leadflow.intake.care;

import java.util.List;

/** A page of the inbox; {@code next} continues right after its last lead, null on the last page. */
public record InboxPage(List<LeadSummary> leads, String next) {
}
