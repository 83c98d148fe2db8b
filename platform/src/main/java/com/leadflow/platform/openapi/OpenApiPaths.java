package com.leadflow.platform.openapi;

/** Where springdoc serves the documents and Swagger UI (its defaults, named once for the security rules). */
public final class OpenApiPaths {

    /** The service's whole document, and each named one below it. */
    public static final String DOCS = "/v3/api-docs";

    /** Swagger UI's entry page, which redirects to its files. */
    public static final String UI_PAGE = "/swagger-ui.html";

    /** Swagger UI's files, as springdoc serves them from its webjar. */
    public static final String UI_FILES = "/swagger-ui/**";

    /** Staff-only paths: the documents other than the public one, and Swagger UI. */
    public static final String[] STAFF = {DOCS, DOCS + "/**", UI_PAGE, UI_FILES, "/webjars/swagger-ui/**"};

    private OpenApiPaths() {
    }
}
