package com.leadflow.review.queue;

import com.leadflow.events.ReviewPriority;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** When a queued review is due, from its priority's service target. */
public final class DeadlinePolicy {

    private final Map<ReviewPriority, ServiceTarget> targets;
    private final BusinessCalendar calendar;

    public DeadlinePolicy(Map<ReviewPriority, ServiceTarget> targets, BusinessCalendar calendar) {
        this.targets = new EnumMap<>(targets);
        for (ReviewPriority priority : ReviewPriority.values()) {
            if (!this.targets.containsKey(priority)) {
                throw new IllegalArgumentException("no service target for priority " + priority);
            }
        }
        this.calendar = calendar;
    }

    /** The deadline of a review that joined the queue at {@code queuedAt}; the clock starts then, not at submission. */
    public Instant dueAt(ReviewPriority priority, Instant queuedAt) {
        ServiceTarget target = targets.get(priority);
        return target.time() != null
                ? queuedAt.plus(target.time())
                : calendar.plusBusinessDays(queuedAt, target.businessDays());
    }

    public BusinessCalendar calendar() {
        return calendar;
    }
}
