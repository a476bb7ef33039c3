package dev.podsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.search.MomentDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * OpenSearch over plain HTTP, for the benchmarks' direct measurements: no client library in between. One node's
 * address: on a cluster that node coordinates every request, as the single node does.
 */
final class Engine {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final int replicas;

    /** @param replicas of every index it creates: as index-service gives them ({@code indexer.replicas}) */
    Engine(String url, int replicas) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.replicas = replicas;
    }

    int replicas() {
        return replicas;
    }

    /**
     * Creates {@code index} from a shared definition, with {@code alias} (null for none), and {@link #replicas}; returns
     * once every copy of it is allocated (green).
     */
    void create(String index, String definition, String alias) throws IOException, InterruptedException {
        ObjectNode body = (ObjectNode) JSON.readTree(Mappings.definition(definition));
        body.withObject("/settings").withObject("/index").put("number_of_replicas", replicas);
        if (alias != null) {
            body.withObject("/aliases").putObject(alias).put("is_write_index", true);
        }
        call("PUT", "/" + index, JSON.writeValueAsBytes(body));
        // every copy allocated before the first write: no replica still recovering while a path is measured
        call("GET", "/_cluster/health/" + index + "?wait_for_status=green&timeout=60s", null);
    }

    JsonNode call(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode answer = JSON.readTree(response.body());
        if (answer.path("errors").asBoolean()) {
            throw new IOException(method + " " + path + " had item errors: "
                    + answer.toString()
                            .substring(0, Math.min(2000, answer.toString().length())));
        }
        return answer;
    }

    /** The largest heap of the cluster's nodes, in MB. */
    long heapMegabytes() throws IOException, InterruptedException {
        long most = 0;
        for (JsonNode node : call("GET", "/_nodes/jvm", null).path("nodes")) {
            most = Math.max(most, node.at("/jvm/mem/heap_max_in_bytes").asLong());
        }
        return most >> 20;
    }

    long count(String index) throws IOException, InterruptedException {
        return call("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    void refresh(String index) throws IOException, InterruptedException {
        call("POST", "/" + index + "/_refresh", null);
    }

    /**
     * The documents of the events as {@code _bulk} bodies into the given indices, split like index-service splits
     * them (operations and bytes per request).
     */
    static Bulk bulk(List<TranscriptEvent> events, String moments, String episodes, int maxOps, long maxBytes)
            throws IOException {
        return bulk(events, moments, episodes, maxOps, maxBytes, null);
    }

    /**
     * As {@link #bulk(List, String, String, int, long)}, each moment with the vector {@code vectors} gives its id in its
     * {@code embedding} field (null: no vectors, as index-service writes a moment before the embed stage).
     */
    static Bulk bulk(
            List<TranscriptEvent> events,
            String moments,
            String episodes,
            int maxOps,
            long maxBytes,
            Function<String, float[]> vectors)
            throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int ops = 0;
        long documents = 0;
        long documentBytes = 0;
        Instant now = Instant.now();
        for (TranscriptEvent event : events) {
            EpisodeDocuments docs = EpisodeDocuments.of(event, now);
            List<byte[]> lines = new ArrayList<>();
            for (MomentDocument moment : docs.moments()) {
                String id = Indices.momentId(event.episodeId(), moment.ordinal());
                lines.add(action(moments, id, event.revision()));
                lines.add(vectors == null ? JSON.writeValueAsBytes(moment) : withVector(moment, vectors.apply(id)));
            }
            EpisodeDocument episode = docs.episode();
            lines.add(action(episodes, event.episodeId(), event.revision()));
            lines.add(JSON.writeValueAsBytes(episode));
            for (int i = 0; i < lines.size(); i += 2) {
                int size = lines.get(i).length + lines.get(i + 1).length + 2;
                if (ops > 0 && (ops >= maxOps || body.size() + size > maxBytes)) {
                    bodies.add(body.toByteArray());
                    body.reset();
                    ops = 0;
                }
                body.write(lines.get(i));
                body.write('\n');
                body.write(lines.get(i + 1));
                body.write('\n');
                ops++;
                documents++;
                documentBytes += lines.get(i + 1).length;
            }
        }
        if (ops > 0) {
            bodies.add(body.toByteArray());
        }
        return new Bulk(bodies, documents, documentBytes);
    }

    /** Bulk bodies, and how many documents and document bytes they carry. */
    record Bulk(List<byte[]> bodies, long documents, long documentBytes) {}

    /** The moment's JSON with {@code "embedding": [...]} added as its last field. */
    private static byte[] withVector(MomentDocument moment, float[] vector) throws IOException {
        byte[] json = JSON.writeValueAsBytes(moment);
        byte[] field = (",\"embedding\":" + MomentVectors.json(vector) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(json, json.length - 1 + field.length);
        System.arraycopy(field, 0, out, json.length - 1, field.length);
        return out;
    }

    private static byte[] action(String index, String id, long version) throws IOException {
        return JSON.writeValueAsBytes(java.util.Map.of(
                "index", java.util.Map.of("_index", index, "_id", id, "version", version, "version_type", "external")));
    }
}
