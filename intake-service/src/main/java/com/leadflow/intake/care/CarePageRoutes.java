package com.leadflow.intake.care;

import com.leadflow.platform.openapi.RouteOperations;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code /care} and {@code /care/} lead to the care managers' page. */
@Configuration(proxyBeanMethods = false)
class CarePageRoutes {

    @Bean
    RouterFunction<ServerResponse> carePage() {
        return RouterFunctions.route()
                .GET("/care", request -> ServerResponse.temporaryRedirect(URI.create("/care/index.html")).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the care managers' page")
                .GET("/care/", request -> ServerResponse.temporaryRedirect(URI.create("/care/index.html")).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the care managers' page")
                .build();
    }
}
