package com.leadflow.test;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * The endpoints a running service's code maps, named {@code METHOD /path} as an OpenAPI document
 * names its operations: every controller method, and every route of its router functions.
 * springdoc's own endpoints (the documents, Swagger UI) are left out.
 */
final class MappedEndpoints {

    private MappedEndpoints() {
    }

    static Set<String> of(Collection<RequestMappingHandlerMapping> mappings, Collection<RouterFunction> routers) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                    return;
                }
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    methods.forEach(method -> endpoints.add(method + " " + pattern.getPatternString()));
                }
            });
        }
        for (RouterFunction<?> router : routers) {
            router.accept(new Routes(endpoints));
        }
        return endpoints;
    }

    /** Walks a router function's routes, collecting each route's methods and path pattern. */
    private static final class Routes implements RouterFunctions.Visitor {

        private final Set<String> endpoints;
        private final Deque<String> prefixes = new ArrayDeque<>();

        Routes(Set<String> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            Predicate found = Predicate.of(predicate);
            prefixes.push(found.path == null ? "" : found.path);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.pop();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Predicate found = Predicate.of(predicate);
            StringBuilder prefix = new StringBuilder();
            prefixes.descendingIterator().forEachRemaining(prefix::append);
            Set<String> methods = found.methods.isEmpty() ? Set.of("GET") : found.methods;
            methods.forEach(method -> endpoints.add(method + " " + prefix + (found.path == null ? "" : found.path)));
        }

        @Override
        public void resources(Function<ServerRequest, Mono<org.springframework.core.io.Resource>> lookupFunction) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
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
