package com.leadflow.platform.web;

import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A request's path as it may appear in a log line or a problem's {@code instance}. A status link's
 * token is the visitor's only key to their request, so no token may be logged: the query is left
 * out (it may carry one), and every path segment that looks like a bearer secret (32 or more
 * URL-safe characters) is replaced by {@code :token}. Record ids (UUIDs) stay, as ops find a
 * request by them.
 */
public final class LoggedPaths {

    static final String MASK = ":token";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_~.%-]{32,}");
    private static final Pattern UUID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private LoggedPaths() {
    }

    /** The request's path, without its query and with secrets masked. */
    public static String of(ServerHttpRequest request) {
        return mask(request.getPath().value());
    }

    /** {@code path} with every secret-looking segment masked (any query is dropped). */
    public static String mask(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        String[] segments = bare.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (SECRET.matcher(segments[i]).matches() && !UUID.matcher(segments[i]).matches()) {
                segments[i] = MASK;
            }
        }
        return String.join("/", segments);
    }
}
