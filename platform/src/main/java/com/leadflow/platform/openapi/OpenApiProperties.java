package com.leadflow.platform.openapi;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says about the service as a whole; the operations come from
 * its controllers.
 *
 * @param title the document's title; the service's name unless set
 * @param description a paragraph on what the API is for
 * @param version the API's version (not the build's: a document changes only when the API does)
 * @param servers where callers reach the service; {@code /} (wherever the document was fetched) unless set
 * @param publicDocument the name of the public document (the {@link PublicEndpoint} operations),
 *     served to anyone at {@code /v3/api-docs/<name>}; none unless set
 * @param publicTitle the public document's title
 */
@ConfigurationProperties("leadflow.openapi")
public record OpenApiProperties(
        String title,
        String description,
        @DefaultValue("1.0.0") String version,
        @DefaultValue List<ServerEntry> servers,
        String publicDocument,
        String publicTitle) {

    /** The path of the public document, or null when the service has none. */
    public String publicDocumentPath() {
        return publicDocument == null || publicDocument.isBlank() ? null : OpenApiPaths.DOCS + "/" + publicDocument;
    }

    /** One place the API is served, e.g. {@code https://intake.practice.example}, "production". */
    public record ServerEntry(String url, String description) {
    }
}
