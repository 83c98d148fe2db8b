package com.leadflow.test;

import org.springframework.http.HttpMethod;

/**
 * What a service's staff-security scenarios need to know about it.
 *
 * @param apiPath a GET that needs {@code role}, e.g. {@code /api/reviews}
 * @param role the role's name, e.g. {@code CLINICIAN}
 * @param rolesNeeded what a page says the path needs, e.g. {@code the Clinician role} (or {@code the
 *     Patient Care Manager role or the Administrator role} where either opens it)
 * @param user a demo user with the role (password {@code <user>-demo})
 * @param userWithoutRole a demo user without it
 * @param staffPage what a browser opens (a staff page, or {@code /leadflow/session} where the service
 *     has no page of its own); it shows the signed-in user's name
 * @param changeMethod a state-changing call {@code user} may make (it may name a record that does not
 *     exist: only whether it passes the CSRF check matters)
 * @param changePath its path
 * @param changeBody its JSON body, or null
 */
public record StaffAccess(String apiPath, String role, String rolesNeeded, String user, String userWithoutRole,
        String staffPage, HttpMethod changeMethod, String changePath, String changeBody) {

    public static String password(String user) {
        return user + "-demo";
    }
}
