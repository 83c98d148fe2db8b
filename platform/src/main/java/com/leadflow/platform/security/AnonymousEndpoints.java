package com.leadflow.platform.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The endpoints a service offers to the public without a session (intake's form submission, the
 * visitor's status link). They act for nobody in particular, so a cross-site request there can do no
 * more than the visitor could; they need no CSRF token even when a staff member's browser happens to
 * send its session cookie along. Declare at most one bean per service.
 */
@FunctionalInterface
public interface AnonymousEndpoints {

    ServerWebExchangeMatcher matcher();
}
