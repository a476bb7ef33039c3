package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.TranscriptStatus;
import dev.podsearch.support.ProblemException;
import java.util.Locale;
import java.util.UUID;

/** The upload API's request values, read and checked: media types, metadata fallbacks, keys, statuses and ids. */
final class RequestValues {

    static final int MAX_KEY_LENGTH = 200;

    private RequestValues() {}

    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    static String checkedKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ProblemException(
                    400,
                    "invalid-header",
                    "Invalid header",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters",
                    java.util.Map.of("header", "Idempotency-Key"));
        }
        return key;
    }

    static TranscriptStatus status(String value) {
        try {
            return TranscriptStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(
                    "status", "status '" + value + "' is not one of RECEIVED, PUBLISHED, INDEXED, FAILED, DELETED");
        }
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("id", "'" + id + "' is not a transcript id (a UUID)");
        }
    }
}
