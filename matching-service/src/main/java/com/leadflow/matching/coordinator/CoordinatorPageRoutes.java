package com.leadflow.matching.coordinator;

import com.leadflow.platform.openapi.RouteOperations;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The coordinator's page lives at {@code /coordinator/}; the service's root and the bare folder lead to it. */
@Configuration(proxyBeanMethods = false)
class CoordinatorPageRoutes {

    @Bean
    RouterFunction<ServerResponse> coordinatorPage() {
        URI page = URI.create("/coordinator/index.html");
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.temporaryRedirect(page).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the coordinator's page")
                .GET("/coordinator", request -> ServerResponse.temporaryRedirect(page).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the coordinator's page")
                .GET("/coordinator/", request -> ServerResponse.temporaryRedirect(page).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the coordinator's page")
                .build();
    }
}
