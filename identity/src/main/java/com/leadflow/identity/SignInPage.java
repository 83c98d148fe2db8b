package com.leadflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The provider's two pages: sign in, and "who am I signed in as" (where a person lands who opened
 * the provider itself). Written out here rather than templated: two small pages do not justify a
 * template engine in a process that should stay small.
 */
@RestController
class SignInPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String signIn(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"error\" role=\"alert\">That user name and password do not match. Please try again.</p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p class=\"notice\" role=\"status\">You are signed out.</p>";
        }
        return page("Sign in", """
                <h1>Sign in to leadflow</h1>
                <p>One sign-in for every leadflow page: the review queue, the care managers' leads and the rest.</p>
                %s
                <form method="post" action="/login">
                  <label for="username">User name</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Sign in</button>
                </form>
                """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String signedIn(Principal principal, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return page("Signed in", """
                <h1>You are signed in</h1>
                <p id="signed-in-as">Signed in as <strong>%s</strong>. Every leadflow page now opens without asking again.</p>
                <form method="post" action="/logout">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Sign out</button>
                </form>
                """.formatted(HtmlUtils.htmlEscape(principal.getName()),
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s — leadflow</title>
                  <link rel="stylesheet" href="/assets/identity.css">
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(title, body);
    }
}
