package com.leadflow.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own rules of who may call what, applied before the shared rule that everything
 * else needs a signed-in person. Declare one bean per service.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeExchangeSpec exchanges);
}
