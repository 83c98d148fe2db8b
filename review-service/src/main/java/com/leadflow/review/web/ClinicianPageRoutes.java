package com.leadflow.review.web;

import com.leadflow.platform.openapi.RouteOperations;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The clinician page lives at {@code /clinician/}; the bare folder and the root lead to it. */
@Configuration(proxyBeanMethods = false)
class ClinicianPageRoutes {

    @Bean
    RouterFunction<ServerResponse> clinicianPage() {
        URI page = URI.create("/clinician/index.html");
        return RouterFunctions.route()
                .GET("/clinician", request -> ServerResponse.temporaryRedirect(page).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the clinicians' page")
                .GET("/clinician/", request -> ServerResponse.temporaryRedirect(page).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the clinicians' page")
                .GET("/", request -> ServerResponse.temporaryRedirect(page).build())
                .withAttribute(RouteOperations.SUMMARY, "Leads to the clinicians' page")
                .build();
    }
}
