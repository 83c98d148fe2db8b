package com.leadflow.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that answers anyone without sign-in (a visitor's form, upload or status
 * link). Its operation is described with no security requirement, and it joins the service's public
 * document when one is configured ({@code leadflow.openapi.public-document}). The security rules that
 * let it through stay in the service's {@code AccessRules}; {@code OpenApiDocumentScenarios} checks
 * that the two agree.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {
}
