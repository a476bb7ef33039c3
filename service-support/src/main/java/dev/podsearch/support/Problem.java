package dev.podsearch.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail: what went wrong ({@code type}, {@code title}), for this request ({@code detail}), and
 * where ({@code extensions}, such as {@code line} or {@code parameter}).
 */
public record Problem(
        String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://podsearch.dev/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A problem whose type URI is {@code https://podsearch.dev/problems/<slug>}. */
    public static Problem of(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, extensions);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    /** The JSON body: the standard members first, then the extension members at the top level. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return body;
    }
}
