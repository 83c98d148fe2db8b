package com.leadflow.platform.openapi;

import com.leadflow.platform.security.SecurityProperties;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;

/**
 * Every service's OpenAPI 3.1 document, described once: its title and version, where it is served,
 * how staff authenticate (signing in at the OpenID Connect provider, or its bearer tokens), the
 * problem-details shape of every error, and which operations answer anyone ({@link PublicEndpoint}).
 * A service adds only its own words on its controllers. The document and Swagger UI are for signed-in
 * staff; a service's public document ({@code leadflow.openapi.public-document}) is for anyone.
 */
@AutoConfiguration
@ConditionalOnClass(GroupedOpenApi.class)
@EnableConfigurationProperties({OpenApiProperties.class, SecurityProperties.class})
public class OpenApiAutoConfiguration {

    /** Name of the scheme for people signed in at the provider (the browser's session). */
    public static final String SIGN_IN = "staff-sign-in";

    /** Name of the scheme for the provider's access tokens. */
    public static final String BEARER = "bearer";

    @Bean
    public GlobalOpenApiCustomizer leadflowOpenApiDescription(OpenApiProperties properties, SecurityProperties security,
            Environment environment) {
        String service = environment.getProperty("spring.application.name", "leadflow service");
        return api -> {
            if (api.getInfo() == null || api.getInfo().getTitle() == null || api.getInfo().getTitle().equals(DEFAULT_TITLE)) {
                api.setInfo(new Info().title(properties.title() != null ? properties.title() : service)
                        .description(properties.description()).version(properties.version()));
            }
            api.setServers(servers(properties));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components);
            ModelConverters.getInstance(true).readAll(ProblemSchema.class).forEach(components::addSchemas);
            ProblemResponses.addTo(components);
            if (onlyPublic(api)) {
                // a public document (the visitor's operations) names no staff sign-in, so its readers
                // meet nothing they cannot use, and it does not change with the provider's address
                ProblemResponses.removeStaffOnly(components);
                return;
            }
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("An access token from the practice's OpenID Connect provider, "
                            + "with leadflow roles in its roles claim"));
            if (security.oidcEnabled()) {
                components.addSecuritySchemes(SIGN_IN, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                        .openIdConnectUrl(security.issuerUri().replaceAll("/$", "") + "/.well-known/openid-configuration")
                        .description("Staff sign in once at the practice's provider; the browser then carries this "
                                + "service's session cookie, and changes need the session's CSRF token (X-CSRF-TOKEN)"));
            }
            api.setSecurity(security.oidcEnabled()
                    ? List.of(new SecurityRequirement().addList(SIGN_IN), new SecurityRequirement().addList(BEARER))
                    : List.of(new SecurityRequirement().addList(BEARER)));
        };
    }

    /** Public operations need no sign-in; every operation says which problems it may answer. */
    @Bean
    public GlobalOperationCustomizer leadflowOperationProblems() {
        return (operation, handler) -> {
            boolean isPublic = handler.hasMethodAnnotation(PublicEndpoint.class);
            if (isPublic) {
                operation.setSecurity(List.of());
            }
            ProblemResponses.addTo(operation, isPublic);
            return operation;
        };
    }

    /** The service's public operations on their own, for anyone ({@code /v3/api-docs/<name>}). */
    @Bean
    @ConditionalOnExpression("'${leadflow.openapi.public-document:}' != ''")
    public GroupedOpenApi leadflowPublicDocument(OpenApiProperties properties) {
        return GroupedOpenApi.builder()
                .group(properties.publicDocument())
                .displayName(properties.publicTitle() != null ? properties.publicTitle() : properties.publicDocument())
                .addOpenApiMethodFilter(method -> method.isAnnotationPresent(PublicEndpoint.class))
                .addOpenApiCustomizer(api -> api.setInfo(new Info()
                        .title(properties.publicTitle() != null ? properties.publicTitle() : properties.publicDocument())
                        .description(properties.description()).version(properties.version())))
                .build();
    }

    /** The routes of the service's router functions, in the whole document (not the public one). */
    @Bean
    public RouteOperations leadflowRouteOperations(ObjectProvider<RouterFunction<?>> routers) {
        return new RouteOperations(routers.orderedStream().toList());
    }

    /** The whole document beside the public one (springdoc serves only groups once one exists). */
    @Bean
    @ConditionalOnExpression("'${leadflow.openapi.public-document:}' != ''")
    public GroupedOpenApi leadflowWholeDocument(Environment environment, RouteOperations routes) {
        return GroupedOpenApi.builder()
                .group(environment.getProperty("spring.application.name", "service"))
                .pathsToMatch("/**")
                .addOpenApiCustomizer(routes)
                .build();
    }

    /** Whether every operation of the document needs no sign-in. */
    private static boolean onlyPublic(OpenAPI api) {
        return api.getPaths() != null && !api.getPaths().isEmpty() && api.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .allMatch(operation -> operation.getSecurity() != null && operation.getSecurity().isEmpty());
    }

    private static List<Server> servers(OpenApiProperties properties) {
        if (properties.servers().isEmpty()) {
            return List.of(new Server().url("/").description("where this document was fetched from"));
        }
        return properties.servers().stream().map(s -> new Server().url(s.url()).description(s.description())).toList();
    }

    private static final String DEFAULT_TITLE = "OpenAPI definition";
}
