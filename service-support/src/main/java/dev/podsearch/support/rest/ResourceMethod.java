package dev.podsearch.support.rest;

import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One JAX-RS resource method as its annotations declare it: HTTP method, path template, the media types it consumes
 * (empty: any) and the query parameters it reads (its own and those of its {@code @BeanParam}s).
 */
public record ResourceMethod(
        String httpMethod, String path, List<String> consumes, List<String> queryParameters, Method method) {

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

    public ResourceMethod {
        consumes = List.copyOf(consumes);
        queryParameters = List.copyOf(queryParameters);
    }

    /** Whether a request path (no query) is one this method's template matches. */
    public boolean matches(String requestPath) {
        String[] parts = TEMPLATE.split(path, -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append("[^/]+");
            }
        }
        return trimmed(requestPath).matches(regex.toString());
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
