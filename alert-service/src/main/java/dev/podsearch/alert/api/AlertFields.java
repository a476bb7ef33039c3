package dev.podsearch.alert.api;

import dev.podsearch.support.ProblemException;
import java.util.List;
import java.util.Locale;

/**
 * The checks of an alert's own fields (name, mode); q and the filters are checked where they are compiled, by
 * query-service, with {@code /v1/search}'s rules; the webhook URL by {@link WebhookTargets}.
 */
final class AlertFields {

    static final int MAX_NAME = 200;

    private AlertFields() {}

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badParameter("name", "name is required: a name for people");
        }
        if (name.strip().length() > MAX_NAME) {
            throw ProblemException.badParameter(
                    "name", "name is " + name.strip().length() + " characters long; the limit is " + MAX_NAME);
        }
        return name.strip();
    }

    static String mode(String mode, String otherwise) {
        if (mode == null || mode.isBlank()) {
            return otherwise;
        }
        String value = mode.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("keyword") && !value.equals("hybrid")) {
            throw ProblemException.badParameter("mode", "mode '" + mode.strip() + "' is not one of keyword, hybrid");
        }
        return value;
    }

    /** A filter's values as given (query-service checks and normalizes them): nulls and blanks dropped. */
    static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
