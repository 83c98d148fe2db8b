package com.leadflow.review.config;

import com.leadflow.events.ReviewPriority;
import com.leadflow.review.queue.BusinessCalendar;
import com.leadflow.review.queue.DeadlinePolicy;
import com.leadflow.review.queue.ServiceTarget;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the review queue runs.
 *
 * @param urgent the service target of urgent reviews (default: one hour)
 * @param routine the service target of routine reviews (default: two business days)
 * @param businessTimeZone the practice's zone, in which business days are counted
 * @param leaseDuration how long a claim lasts unless renewed
 * @param sweepInterval how often overdue reviews and expired leases are looked for
 * @param imagingBaseUrl where intake serves imaging files ({@code /api/imaging/{id}} below it); the
 *        clinician page reads them through review, which passes the clinician's own token on
 */
@ConfigurationProperties("leadflow.review")
public record ReviewProperties(
        Target urgent,
        Target routine,
        @DefaultValue("America/New_York") ZoneId businessTimeZone,
        @DefaultValue("30m") Duration leaseDuration,
        @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("http://localhost:8081") URI imagingBaseUrl) {

    public ReviewProperties {
        urgent = urgent == null ? new Target(Duration.ofHours(1), null) : urgent;
        routine = routine == null ? new Target(null, 2) : routine;
    }

    /** A target as configured: {@code time} (e.g. 1h) or {@code business-days} (e.g. 2). */
    public record Target(Duration time, Integer businessDays) {
        ServiceTarget toServiceTarget() {
            return new ServiceTarget(time, businessDays);
        }
    }

    public DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(Map.of(
                ReviewPriority.URGENT, urgent.toServiceTarget(),
                ReviewPriority.ROUTINE, routine.toServiceTarget()), new BusinessCalendar(businessTimeZone));
    }

    /** Intake's address for a path of its imaging API. */
    public String intakeImagingUrl(String path) {
        return imagingBaseUrl.toString().replaceAll("/+$", "") + path;
    }
}
