package dev.podsearch.ingest.drop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.ingest.EpisodeMetadata;
import dev.podsearch.support.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The optional metadata file beside a dropped transcript: {@code <name>.meta.json} for {@code <name>.<ext>} (or
 * {@code <name>.<ext>.meta.json}), a JSON object with the upload's metadata fields and optionally {@code format}. Write
 * it before the transcript, so the transcript never goes in without it.
 */
final class Sidecar {

    static final String SUFFIX = ".meta.json";

    record Metadata(EpisodeMetadata metadata, String format) {
        static final Metadata NONE = new Metadata(EpisodeMetadata.NONE, null);
    }

    private Sidecar() {}

    static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The sidecar of a transcript in the same folder, if there is one. */
    static Optional<Path> of(Path transcript) {
        String name = transcript.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Stream<String> candidates =
                dot > 0 ? Stream.of(name + SUFFIX, name.substring(0, dot) + SUFFIX) : Stream.of(name + SUFFIX);
        return candidates
                .map(transcript::resolveSibling)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** Metadata, show notes included, is far smaller: a larger file is refused without being read. */
    static final long MAX_BYTES = 1024 * 1024;

    static Metadata read(Path sidecar, ObjectMapper json) {
        JsonNode node;
        try {
            if (Files.size(sidecar) > MAX_BYTES) {
                throw new ProblemException(
                        400,
                        "invalid-sidecar",
                        "Invalid metadata file",
                        sidecar.getFileName() + " is " + Files.size(sidecar) + " bytes; a metadata file may have "
                                + MAX_BYTES + " bytes at most",
                        Map.of("file", sidecar.getFileName().toString()));
            }
            node = json.readTree(Files.readAllBytes(sidecar));
        } catch (IOException e) {
            throw new ProblemException(
                    400,
                    "invalid-sidecar",
                    "Invalid metadata file",
                    sidecar.getFileName() + " is not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    Map.of("file", sidecar.getFileName().toString()));
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(
                    400,
                    "invalid-sidecar",
                    "Invalid metadata file",
                    sidecar.getFileName() + " must hold a JSON object",
                    Map.of("file", sidecar.getFileName().toString()));
        }
        EpisodeMetadata metadata = EpisodeMetadata.of(
                text(node, "show"),
                text(node, "title"),
                text(node, "notes"),
                text(node, "publishedAt"),
                text(node, "audioUrl"),
                text(node, "language"),
                text(node, "externalId"),
                speakers(node.get("speakers")));
        return new Metadata(metadata, text(node, "format"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String speakers(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> names = new ArrayList<>();
        value.forEach(name -> names.add(name.asText()));
        return String.join(",", names);
    }

    /** The media type a file's extension implies, or null to let the content decide. */
    static String contentType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".vtt")) {
            return "text/vtt";
        }
        if (name.endsWith(".srt")) {
            return "application/x-subrip";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        return null;
    }
}
