package com.leadflow.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in.
 *
 * @param jwtIssuerUri the practice's identity provider; when set, the service accepts its JWTs
 *     (roles from the {@code roles} claim) and demo users are off unless enabled explicitly
 * @param demoUsersEnabled whether the documented demo users may sign in (local stack only)
 * @param demoUsers the demo users
 */
@ConfigurationProperties("leadflow.security")
public record SecurityProperties(
        String jwtIssuerUri,
        Boolean demoUsersEnabled,
        @DefaultValue List<DemoUser> demoUsers) {

    public boolean demoUsersActive() {
        return demoUsersEnabled != null ? demoUsersEnabled : jwtIssuerUri == null || jwtIssuerUri.isBlank();
    }

    /** A local-stack user; the password is a {@code {noop}} or {@code {bcrypt}} encoded string. */
    public record DemoUser(String username, String password, List<Role> roles) {
    }
}
