package dev.podsearch.bench.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The judged episodes: {@code episodes/<stem>.txt} and their upload metadata from {@code episodes.json}. */
public record Corpus(List<Episode> episodes) {

    /** One episode: its file stem, transcript text and the query parameters its upload sends. */
    public record Episode(String stem, String text, Map<String, String> metadata) {}

    public static Corpus read(Path dir) throws IOException {
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("episodes.json").toFile());
        List<Episode> episodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("episodes"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String stem = file.getFileName().toString().replaceFirst("\\.txt$", "");
                JsonNode node = meta.path(stem);
                if (node.isMissingNode()) {
                    throw new IllegalArgumentException("episodes.json has no entry for " + stem);
                }
                episodes.add(new Episode(stem, Files.readString(file), parameters(node)));
            }
        }
        return new Corpus(episodes);
    }

    private static Map<String, String> parameters(JsonNode node) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                parameters.put(field.getKey(), String.join(",", items));
            } else {
                parameters.put(field.getKey(), value.asText());
            }
        }
        return parameters;
    }
}
