package com.leadflow.intake.care;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param overdueAfter how long a requested call-back may wait for a first contact attempt */
@ConfigurationProperties("leadflow.intake.speed-to-lead")
public record SpeedToLeadProperties(@DefaultValue("5m") Duration overdueAfter) {
}
