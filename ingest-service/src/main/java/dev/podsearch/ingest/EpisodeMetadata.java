package dev.podsearch.ingest;

import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Metadata given with an upload (query parameters, form fields or a sidecar file), validated. */
public record EpisodeMetadata(
        String show,
        String title,
        String notes,
        Instant publishedAt,
        String audioUrl,
        String language,
        String externalId,
        List<String> speakers) {

    /** The earliest publication date an upload may give. */
    public static final Instant EARLIEST_PUBLISHED = Instant.parse("1900-01-01T00:00:00Z");

    public static final EpisodeMetadata NONE = new EpisodeMetadata(null, null, null, null, null, null, null, List.of());

    /** Builds metadata from raw strings; every problem is a 400 naming the parameter. */
    public static EpisodeMetadata of(
            String show,
            String title,
            String notes,
            String publishedAt,
            String audioUrl,
            String language,
            String externalId,
            String speakers) {
        return new EpisodeMetadata(
                text("show", show, 200),
                text("title", title, 500),
                text("notes", notes, 20_000),
                plausible(RequestParameters.instant("publishedAt", publishedAt)),
                url(audioUrl),
                language(language),
                text("externalId", externalId, 200),
                speakers == null || speakers.isBlank()
                        ? List.of()
                        : Arrays.stream(speakers.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList());
    }

    /**
     * A publication date a podcast episode can have: from 1900 (before recorded sound was broadcast, and a date a
     * default or a typo makes) to a day from now (time zones, scheduled releases). Outside it, trends would chart
     * decades of empty intervals for one stray date.
     */
    private static Instant plausible(Instant publishedAt) {
        if (publishedAt == null) {
            return null;
        }
        Instant latest = Instant.now().plus(Duration.ofDays(1));
        if (publishedAt.isBefore(EARLIEST_PUBLISHED) || publishedAt.isAfter(latest)) {
            throw ProblemException.badParameter(
                    "publishedAt",
                    "publishedAt " + publishedAt + " is not a plausible publication date: it must be from "
                            + EARLIEST_PUBLISHED + " to a day from now (" + latest.truncatedTo(ChronoUnit.SECONDS)
                            + ")");
        }
        return publishedAt;
    }

    private static String text(String parameter, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw ProblemException.badParameter(parameter, parameter + " is longer than " + max + " characters");
        }
        return stripped;
    }

    private static String url(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.badParameter("audioUrl", "audioUrl '" + value + "' is not an http or https URL");
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tag = value.strip();
        if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw ProblemException.badParameter(
                    "language", "language '" + value + "' is not a language tag such as en or pt-BR");
        }
        return tag;
    }
}
