package dev.podsearch.support;

import dev.podsearch.support.rest.ResourceMethod;
import dev.podsearch.support.rest.ResourceMethods;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 415 answer: which Content-Type came, which ones this path takes, and for curl's default form type (what
 * {@code curl -d} sends without {@code -H 'Content-Type: ...'}) what to add.
 */
final class UnsupportedMediaType {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static volatile List<ResourceMethod> methods;

    private UnsupportedMediaType() {}

    static Problem problem(String received, String httpMethod, String path) {
        List<String> accepted = ResourceMethods.accepted(methods(), httpMethod, path);
        String sent = received == null || received.isBlank() ? null : received.strip();
        StringBuilder detail = new StringBuilder(
                sent == null ? "the request has no Content-Type" : "Content-Type '" + sent + "' is not accepted here");
        if (!accepted.isEmpty()) {
            detail.append("; ")
                    .append(httpMethod)
                    .append(' ')
                    .append(path)
                    .append(" takes ")
                    .append(String.join(", ", accepted));
        }
        if (sent != null && sent.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            detail.append(". ")
                    .append(FORM)
                    .append(" is what curl -d sends when no type is given: add -H 'Content-Type: ")
                    .append(accepted.isEmpty() ? "<type>" : accepted.getFirst())
                    .append("' (and --data-binary @file, which keeps the file's line breaks)");
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (sent != null) {
            extensions.put("received", sent);
        }
        extensions.put("accepted", accepted);
        return Problem.of(415, "unsupported-media-type", "Unsupported Media Type", detail.toString(), extensions);
    }

    private static List<ResourceMethod> methods() {
        List<ResourceMethod> known = methods;
        if (known == null) {
            known = ResourceMethods.ofApplication();
            methods = known;
        }
        return known;
    }
}
