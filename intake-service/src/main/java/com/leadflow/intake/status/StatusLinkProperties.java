package com.leadflow.intake.status;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The visitor's status link as messages carry it.
 *
 * @param publicUrl where visitors reach intake's pages (the form's own address, not an internal
 *     one): a status link in an email or a text starts with it
 */
@ConfigurationProperties("leadflow.intake.status")
public record StatusLinkProperties(@DefaultValue("http://localhost:8081") URI publicUrl) {
}
