package com.leadflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The pages a person sees instead of a staff page: not signed in, signed in without the role the
 * page needs, signed out. Plain words and a way on; styled by {@code /leadflow/staff.css}, no inline
 * script or style (the Content-Security-Policy forbids both).
 */
final class StaffPages {

    static final String SIGN_IN_PATH = "/oauth2/authorization/" + IssuerClientRegistration.REGISTRATION_ID;

    private StaffPages() {
    }

    static String signInNeeded(boolean signInEnabled) {
        String action = signInEnabled
                ? "<p><a class=\"button\" id=\"sign-in\" href=\"" + SIGN_IN_PATH + "\">Sign in</a></p>"
                : "<p>This service has no sign-in configured; ask whoever runs it to set the practice's identity provider.</p>";
        return page("Please sign in", "<h1>Please sign in</h1>"
                + "<p>This page is for the practice's staff. Sign in once and every leadflow page opens for you.</p>"
                + action);
    }

    /**
     * @param csrf the session's CSRF token as a hidden form field, or null when there is none
     */
    static String roleNeeded(String who, List<Role> roles, CsrfToken csrf) {
        String needed = roles.isEmpty() ? "a role you do not have" : needed(roles);
        String action = csrf == null ? ""
                : "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\""
                        + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken())
                        + "\"><button type=\"submit\" id=\"sign-out\">Sign out, to sign in as someone else</button></form>";
        return page("Not for your role", "<h1>This page is not for your role</h1>"
                + "<p id=\"role-needed\">You are signed in as <strong>" + HtmlUtils.htmlEscape(who)
                + "</strong>. You need " + HtmlUtils.htmlEscape(needed) + " to open this page.</p>"
                + "<p>If you should have it, ask the practice's administrator.</p>" + action);
    }

    static String crossSiteRefused() {
        return page("Request refused", "<h1>This request was refused</h1>"
                + "<p>It changes something in leadflow but did not come from a leadflow page (it may have come from "
                + "another site). Nothing was changed. Go back to the page and try again from there.</p>");
    }

    static String signInFailed() {
        return page("Sign-in did not complete", "<h1>Sign-in did not complete</h1>"
                + "<p>The practice's sign-in did not confirm who you are (the attempt may have taken too long, or been "
                + "started in another tab).</p><p><a class=\"button\" href=\"" + SIGN_IN_PATH + "\">Try again</a></p>");
    }

    static String signedOut() {
        return page("Signed out", "<h1>You are signed out</h1>"
                + "<p>You are signed out of leadflow and its sign-in. Close the browser if others use this computer.</p>"
                + "<p><a class=\"button\" href=\"" + SIGN_IN_PATH + "\">Sign in again</a></p>");
    }

    /** "the Clinician role", "the Patient Care Manager role or the Administrator role" */
    static String needed(List<Role> roles) {
        return roles.stream().map(role -> "the " + role.label() + " role").collect(Collectors.joining(" or "));
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String html) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + " — leadflow</title>\n"
                + "<link rel=\"stylesheet\" href=\"/leadflow/staff.css\">\n</head>\n<body>\n<main class=\"leadflow-notice\">\n"
                + body + "\n</main>\n</body>\n</html>\n";
    }
}
