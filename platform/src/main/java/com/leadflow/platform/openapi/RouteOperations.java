package com.leadflow.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Adds the routes of the service's router functions (pages and their redirects, the staff session) to
 * its document, which springdoc leaves out unless each is annotated. A route says what it does with
 * route attributes: {@code .withAttribute(RouteOperations.SUMMARY, "...")}, and
 * {@code .withAttribute(RouteOperations.PUBLIC, true)} when it answers anyone.
 */
public final class RouteOperations implements OpenApiCustomizer {

    /** Route attribute: the operation's summary. */
    public static final String SUMMARY = "leadflow.openapi.summary";

    /** Route attribute: {@code true} when the route answers anyone without sign-in. */
    public static final String PUBLIC = "leadflow.openapi.public";

    private final List<RouterFunction<?>> routers;

    RouteOperations(List<RouterFunction<?>> routers) {
        this.routers = routers;
    }

    @Override
    public void customise(OpenAPI api) {
        Paths paths = api.getPaths() == null ? new Paths() : api.getPaths();
        api.setPaths(paths);
        for (RouterFunction<?> router : routers) {
            router.accept(new Routes((methods, path, attributes) -> {
                PathItem item = paths.computeIfAbsent(path, p -> new PathItem());
                boolean isPublic = Boolean.TRUE.equals(attributes.get(PUBLIC));
                for (String method : methods) {
                    Operation operation = new Operation()
                            .summary(String.valueOf(attributes.getOrDefault(SUMMARY, "A page of the service")))
                            .addTagsItem("Pages")
                            .responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                                    .description("The page, or a redirect to it")));
                    if (isPublic) {
                        operation.setSecurity(List.of());
                    }
                    ProblemResponses.addTo(operation, isPublic);
                    item.operation(PathItem.HttpMethod.valueOf(method), operation);
                }
            }));
        }
    }

    private interface RouteFound {
        void found(Set<String> methods, String path, Map<String, Object> attributes);
    }

    /** Walks a router function's routes: each route's methods, path pattern and attributes. */
    private static final class Routes implements RouterFunctions.Visitor {

        private final RouteFound found;
        private final List<String> prefixes = new ArrayList<>();
        private Map<String, Object> pending = new java.util.HashMap<>();

        Routes(RouteFound found) {
            this.found = found;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            String path = Predicate.of(predicate).path;
            prefixes.add(path == null ? "" : path);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.remove(prefixes.size() - 1);
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Predicate route = Predicate.of(predicate);
            Set<String> methods = route.methods.isEmpty() ? Set.of("GET") : route.methods;
            found.found(methods, String.join("", prefixes) + (route.path == null ? "" : route.path), pending);
            pending = new java.util.HashMap<>();
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
            // a route given several attributes is wrapped once per attribute
            pending.putAll(attributes);
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }

    /** The methods and path a request predicate tests for. */
    private static final class Predicate implements RequestPredicates.Visitor {

        final Set<String> methods = new TreeSet<>();
        String path;

        static Predicate of(RequestPredicate predicate) {
            Predicate found = new Predicate();
            predicate.accept(found);
            return found;
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            methods.forEach(method -> this.methods.add(method.name()));
        }

        @Override
        public void path(String pattern) {
            path = pattern;
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
