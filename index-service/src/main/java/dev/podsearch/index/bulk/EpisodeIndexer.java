package dev.podsearch.index.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.mapping.IndexSetup;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Writes the documents of a batch of events in as few {@code _bulk} requests as their size allows. Every write is
 * idempotent: ids are deterministic and versions are the revision (external versioning), so a redelivered, replayed or
 * older revision never replaces a newer one, and a version conflict counts as done.
 *
 * <p>What is indexed now is read once per batch (one multi-get of the episodes and their tombstones), then each event is
 * planned in order against that state, so several revisions of one episode in a batch behave as if applied one by one.
 * A DELETE leaves a tombstone: OpenSearch forgets a deleted document's version after a minute, the tombstone does not,
 * so an older revision replayed later cannot bring the episode back.
 */
@ApplicationScoped
public class EpisodeIndexer {

    @Inject
    OpenSearchClient client;

    @Inject
    IndexerConfig config;

    @Inject
    IndexSetup indices;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    /** Documents as the typed client wrote them: no null fields. */
    private ObjectMapper documents;

    private ExecutorService senders;

    @PostConstruct
    void start() {
        documents = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        senders = Executors.newFixedThreadPool(
                config.bulkConcurrency(),
                Thread.ofPlatform().name("bulk-", 0).daemon().factory());
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** What applying an event did. */
    public enum Outcome {
        INDEXED,
        DELETED,
        /** An older revision than the one indexed (or deleted): nothing to do. */
        STALE,
        /** OpenSearch refused a document for a reason time will not fix: the record goes to the dead-letter topic. */
        FAILED
    }

    /** An event's outcome; {@code reason} says why it failed. */
    public record Result(Outcome outcome, String reason, int documents) {}

    /** What is indexed for an episode while a batch is planned. */
    private record State(long revision, int moments, Instant addedAt, boolean deleted) {}

    /**
     * One bulk operation as the lines of a {@code _bulk} body (serialized when the batch is planned, so that writing
     * a batch only concatenates), the event it belongs to, and whether it goes last. The episode document (or its
     * tombstone) is written last, after every moment write of the batch succeeded: it records how many moments the
     * revision has, which the next revision needs to delete the ones it no longer has.
     */
    private record Op(byte[] lines, int owner, boolean last) {

        long bytes() {
            return lines.length;
        }
    }

    /** What a {@code _bulk} answer is read for: the status and error of each item, in request order. */
    private static final String BULK_PATH =
            "/_bulk?filter_path=errors,items.*.status,items.*._id,items.*.error.type,items.*.error.reason";

    /**
     * Indexes the events in order; returns one result per event.
     *
     * @throws IndexingException retryable: OpenSearch could not take part of the batch for a reason time may fix; the
     *     whole batch may be applied again (it is idempotent)
     */
    public List<Result> apply(List<TranscriptEvent> events) {
        return execute(plan(events, null));
    }

    /**
     * A batch ready to be written: its operations, the outcomes already known (stale, unbuildable), and the state
     * each of its episodes will be in once written.
     */
    public static final class Plan {
        private final List<TranscriptEvent> events;
        private final List<Op> ops;
        private final Result[] results;
        private final Map<String, State> state;

        private Plan(List<TranscriptEvent> events, List<Op> ops, Result[] results, Map<String, State> state) {
            this.events = events;
            this.ops = ops;
            this.results = results;
            this.state = state;
        }

        public int size() {
            return events.size();
        }

        /**
         * This plan and one planned after it ({@code plan(events, this)}), as one batch: its events follow this plan's,
         * and so do its operations in the {@code _bulk} requests.
         */
        public Plan then(Plan next) {
            List<TranscriptEvent> allEvents = new ArrayList<>(events);
            allEvents.addAll(next.events);
            List<Op> allOps = new ArrayList<>(ops);
            int offset = events.size();
            for (Op op : next.ops) {
                allOps.add(new Op(op.lines(), op.owner() + offset, op.last()));
            }
            Result[] allResults = java.util.Arrays.copyOf(results, allEvents.size());
            System.arraycopy(next.results, 0, allResults, offset, next.results.length);
            Map<String, State> allState = new HashMap<>(state);
            allState.putAll(next.state);
            return new Plan(allEvents, allOps, allResults, allState);
        }
    }

    /**
     * Reads what is indexed for the batch's episodes and plans each event in order against it. A batch planned while
     * the previous one is still being written passes that one as {@code previous}: its episodes' planned state counts
     * over what the engine shows yet, so a revision of an episode in both batches deletes the right moments.
     *
     * @throws IndexingException retryable: OpenSearch could not be read
     */
    public Plan plan(List<TranscriptEvent> events, Plan previous) {
        return engine(() -> {
            Map<String, State> state = current(events);
            if (previous != null) {
                for (TranscriptEvent event : events) {
                    State planned = previous.state.get(event.episodeId());
                    State known = state.get(event.episodeId());
                    if (planned != null && (known == null || planned.revision() >= known.revision())) {
                        state.put(event.episodeId(), planned);
                    }
                }
            }
            return planAgainst(events, state);
        });
    }

    /**
     * Writes a planned batch; returns one result per event.
     *
     * @throws IndexingException retryable: OpenSearch could not take part of the batch for a reason time may fix; the
     *     whole batch may be planned and written again (it is idempotent)
     */
    public List<Result> execute(Plan plan) {
        try {
            return attempt(plan);
        } catch (IndexingException e) {
            if (e.retryable()) {
                throw e;
            }
            if (plan.size() == 1) {
                return List.of(new Result(Outcome.FAILED, e.getMessage(), 0));
            }
            // The whole request was refused (say, too large): one event at a time, to find the one to blame.
            List<Result> results = new ArrayList<>(plan.size());
            for (TranscriptEvent event : plan.events) {
                try {
                    results.add(attempt(plan(List.of(event), null)).getFirst());
                } catch (IndexingException single) {
                    if (single.retryable()) {
                        throw single;
                    }
                    results.add(new Result(Outcome.FAILED, single.getMessage(), 0));
                }
            }
            return results;
        }
    }

    private List<Result> attempt(Plan plan) {
        return engine(() -> write(plan));
    }

    private Plan planAgainst(List<TranscriptEvent> events, Map<String, State> state) throws IOException {
        List<String> moments = indices.writeTargets(Indices.MOMENTS);
        List<String> episodes = indices.writeTargets(Indices.EPISODES);
        List<Op> ops = new ArrayList<>();
        Result[] results = new Result[events.size()];
        for (int i = 0; i < events.size(); i++) {
            TranscriptEvent event = events.get(i);
            State before = state.get(event.episodeId());
            if (before != null
                    && before.revision() >= event.revision()
                    && !(before.revision() == event.revision()
                            && !before.deleted()
                            && event.type() == TranscriptEvent.Type.UPSERT)) {
                results[i] = new Result(Outcome.STALE, null, 0);
                continue;
            }
            int owner = i;
            int start = ops.size();
            try {
                if (event.type() == TranscriptEvent.Type.UPSERT) {
                    state.put(event.episodeId(), upsert(event, before, moments, episodes, ops, owner));
                    results[i] = new Result(Outcome.INDEXED, null, ops.size() - start);
                } else {
                    state.put(event.episodeId(), delete(event, before, moments, episodes, ops, owner));
                    results[i] = new Result(Outcome.DELETED, null, ops.size() - start);
                }
            } catch (IllegalArgumentException e) {
                results[i] = new Result(Outcome.FAILED, e.getMessage(), 0);
            }
        }
        return new Plan(events, ops, results, state);
    }

    private List<Result> write(Plan plan) throws IOException {
        List<Op> ops = plan.ops;
        Result[] results = plan.results.clone();
        Map<Integer, String> failed =
                execute(ops.stream().filter(op -> !op.last()).toList());
        failed.putAll(execute(ops.stream()
                .filter(op -> op.last() && !failed.containsKey(op.owner()))
                .toList()));
        for (Map.Entry<Integer, String> failure : failed.entrySet()) {
            results[failure.getKey()] = new Result(Outcome.FAILED, failure.getValue(), 0);
        }
        for (Result result : results) {
            if (result.outcome() == Outcome.INDEXED || result.outcome() == Outcome.DELETED) {
                counter("podsearch.index.documents", "documents written (indexed or deleted)")
                        .increment(result.documents());
            }
        }
        return List.of(results);
    }

    private State upsert(
            TranscriptEvent event, State before, List<String> moments, List<String> episodes, List<Op> ops, int owner) {
        String episodeId = event.episodeId();
        long version = event.revision();
        Instant addedAt =
                before != null && !before.deleted() && before.addedAt() != null ? before.addedAt() : Instant.now();
        EpisodeDocuments documents = EpisodeDocuments.of(event, addedAt);
        for (MomentDocument moment : documents.moments()) {
            String id = Indices.momentId(episodeId, moment.ordinal());
            for (String index : moments) {
                ops.add(new Op(versioned(index, id, version, moment), owner, false));
            }
        }
        // Moments the previous revision had beyond this one's end: their ids are known, no search needed.
        int previous = before == null || before.deleted() ? 0 : before.moments();
        deleteMoments(episodeId, documents.moments().size(), previous, version, moments, ops, owner);
        EpisodeDocument episode = documents.episode();
        for (String index : episodes) {
            ops.add(new Op(versioned(index, episodeId, version, episode), owner, true));
        }
        return new State(version, documents.moments().size(), addedAt, false);
    }

    private State delete(
            TranscriptEvent event, State before, List<String> moments, List<String> episodes, List<Op> ops, int owner) {
        String episodeId = event.episodeId();
        long version = event.revision();
        int previous = before == null || before.deleted() ? 0 : before.moments();
        deleteMoments(episodeId, 0, previous, version, moments, ops, owner);
        for (String index : episodes) {
            ops.add(new Op(deletion(index, episodeId, version), owner, true));
        }
        Tombstone tombstone = new Tombstone(episodeId, version, Instant.now());
        ops.add(new Op(versioned(IndexSetup.TOMBSTONES, episodeId, version, tombstone), owner, true));
        return new State(version, 0, null, true);
    }

    /** Writes a document with the revision as its external version: its two {@code _bulk} lines. */
    private byte[] versioned(String index, String id, long version, Object document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = documents.createGenerator(out)) {
            action(generator, "index", index, id, version);
            generator.writeRaw('\n');
            generator.writeObject(document);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Deletes a document if its version is older than the revision: its {@code _bulk} line. */
    private byte[] deletion(String index, String id, long version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator generator = documents.createGenerator(out)) {
            action(generator, "delete", index, id, version);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void action(JsonGenerator generator, String action, String index, String id, long version)
            throws IOException {
        generator.writeStartObject();
        generator.writeObjectFieldStart(action);
        generator.writeStringField("_index", index);
        generator.writeStringField("_id", id);
        generator.writeNumberField("version", version);
        generator.writeStringField("version_type", "external");
        generator.writeEndObject();
        generator.writeEndObject();
    }

    /** Turns the engine's failures into {@link IndexingException}s that say whether a retry may help. */
    private static <T> T engine(EngineCall<T> call) {
        try {
            return call.run();
        } catch (OpenSearchException e) {
            throw new IndexingException(
                    "OpenSearch answered " + e.status() + ": " + e.getMessage(),
                    IndexingException.retryableStatus(e.status()),
                    e);
        } catch (IOException e) {
            throw new IndexingException("OpenSearch unreachable: " + e.getMessage(), true, e);
        }
    }

    @FunctionalInterface
    private interface EngineCall<T> {
        T run() throws IOException;
    }

    /** Deletes moments {@code from} (inclusive) to {@code to} (exclusive) of an episode. */
    private void deleteMoments(
            String episodeId, int from, int to, long version, List<String> indices, List<Op> ops, int owner) {
        for (int i = from; i < to; i++) {
            String id = Indices.momentId(episodeId, i);
            for (String index : indices) {
                ops.add(new Op(deletion(index, id, version), owner, false));
            }
        }
    }

    /** A deleted episode's last revision, kept for good. */
    public record Tombstone(String episodeId, long revision, Instant deletedAt) {}

    /** The episodes of the batch as indexed now, and their tombstones: one multi-get, realtime (no refresh needed). */
    private Map<String, State> current(List<TranscriptEvent> events) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.episodeId()));
        Map<String, State> state = new HashMap<>();
        if (ids.isEmpty()) {
            return state;
        }
        MgetResponse<Map> response = client.mget(
                m -> {
                    for (String id : ids) {
                        m.docs(d -> d.index(Indices.EPISODES)
                                .id(id)
                                .source(s -> s.filter(f -> f.includes("revision", "moments", "addedAt"))));
                        m.docs(d -> d.index(IndexSetup.TOMBSTONES).id(id));
                    }
                    return m;
                },
                Map.class);
        for (MultiGetResponseItem<Map> item : response.docs()) {
            if (item.isFailure()) { // e.g. a shard still recovering after a restart: "not found" would be a lie
                throw new IndexingException(
                        "cannot read " + item.failure().index() + "/"
                                + item.failure().id() + ": "
                                + item.failure().error().reason(),
                        true,
                        null);
            }
            if (!item.result().found()) {
                continue;
            }
            Map<?, ?> source = item.result().source();
            long revision = ((Number) source.get("revision")).longValue();
            String id = item.result().id();
            State known = state.get(id);
            boolean tombstone = item.result().index().startsWith(IndexSetup.TOMBSTONES);
            if (known != null && known.revision() >= revision) {
                continue;
            }
            if (tombstone) {
                state.put(id, new State(revision, 0, null, true));
            } else {
                Object added = source.get("addedAt");
                state.put(
                        id,
                        new State(
                                revision,
                                ((Number) source.get("moments")).intValue(),
                                added == null ? null : Instant.parse(added.toString()),
                                false));
            }
        }
        return state;
    }

    /**
     * Sends the operations in requests of at most {@code indexer.bulk-max-operations} operations and
     * {@code indexer.bulk-max-bytes} (estimated) bytes. Returns the events a document of which was refused for good,
     * with the reason; throws if one was refused for a reason time may fix.
     */
    private Map<Integer, String> execute(List<Op> ops) throws IOException {
        long[] sizes = new long[ops.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = ops.get(i).bytes();
        }
        List<List<Op>> chunks = new ArrayList<>();
        for (int[] range : split(sizes, config.bulkMaxOperations(), config.bulkMaxBytes(), config.bulkConcurrency())) {
            chunks.add(ops.subList(range[0], range[1]));
        }
        // Up to indexer.bulk-concurrency requests in flight: one is serialized while another is indexed. Order
        // between them does not matter: every write carries its revision as external version.
        List<Future<List<BulkItem>>> responses = new ArrayList<>(chunks.size());
        for (List<Op> chunk : chunks) {
            responses.add(senders.submit(() -> send(chunk)));
        }
        Map<Integer, String> failed = new HashMap<>();
        IndexingException retry = null;
        for (int c = 0; c < chunks.size(); c++) {
            List<BulkItem> items;
            try {
                items = responses.get(c).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexingException("interrupted while indexing", true, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
            List<Op> chunk = chunks.get(c);
            for (int i = 0; i < items.size(); i++) {
                BulkItem item = items.get(i);
                // 409: the document already has this or a newer revision; 404: a document to delete was gone.
                if (item.errorType() == null || item.status() == 409 || item.status() == 404) {
                    continue;
                }
                String reason = "document " + item.id() + " rejected (" + item.status() + " " + item.errorType() + "): "
                        + item.errorReason();
                if (IndexingException.retryableStatus(item.status())) {
                    retry = new IndexingException(reason, true, null);
                } else {
                    failed.putIfAbsent(chunk.get(i).owner(), reason);
                }
            }
        }
        if (retry != null) {
            throw retry;
        }
        return failed;
    }

    /** Below this many operations a batch is not split further to use every request slot. */
    static final int MIN_SPLIT = 50;

    /**
     * How to cut operations (their sizes, in order) into requests: none above {@code maxOperations} operations or
     * {@code maxBytes} bytes (an operation larger than that goes alone), and a small batch cut into up to
     * {@code concurrency} requests of at least {@link #MIN_SPLIT} operations, so that it is written by as many
     * requests in parallel as a large one (the engine indexes parallel requests on parallel threads; under a steady
     * trickle of episodes every batch is small). Returns {@code [from, to)} ranges.
     */
    static List<int[]> split(long[] sizes, int maxOperations, long maxBytes, int concurrency) {
        int requests = Math.max(1, Math.min(concurrency, sizes.length / MIN_SPLIT));
        int perRequest = Math.min(maxOperations, Math.max(1, (sizes.length + requests - 1) / requests));
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        while (from < sizes.length) {
            int to = from;
            long bytes = 0;
            while (to < sizes.length && (to == from || (to - from < perRequest && bytes + sizes[to] <= maxBytes))) {
                bytes += sizes[to];
                to++;
            }
            ranges.add(new int[] {from, to});
            from = to;
        }
        return ranges;
    }

    /** An item of a {@code _bulk} answer that failed; {@code errorType} is null for one that did not. */
    private record BulkItem(String id, int status, String errorType, String errorReason) {}

    /**
     * Sends one {@code _bulk} request; returns its failed items (an empty list when none failed), in request order
     * among themselves. A refusal of the whole request throws, retryable or not by its status.
     */
    private List<BulkItem> send(List<Op> chunk) throws IOException {
        int length = 0;
        for (Op op : chunk) {
            length += op.lines().length;
        }
        byte[] body = new byte[length];
        int at = 0;
        for (Op op : chunk) {
            System.arraycopy(op.lines(), 0, body, at, op.lines().length);
            at += op.lines().length;
        }
        Timer.Sample sample = Timer.start(metrics);
        try (Response response = client.generic()
                .execute(Requests.create(
                        "POST", BULK_PATH, List.of(), Map.of(), Body.from(body, "application/x-ndjson")))) {
            Body answer = response.getBody().orElse(null);
            if (response.getStatus() >= 300 || answer == null) {
                String text = answer == null ? "" : answer.bodyAsString();
                throw new IndexingException(
                        "OpenSearch answered " + response.getStatus() + " to a _bulk request: "
                                + text.substring(0, Math.min(500, text.length())),
                        IndexingException.retryableStatus(response.getStatus()),
                        null);
            }
            try (InputStream in = answer.body()) {
                return failedItems(in, chunk.size());
            }
        } finally {
            sample.stop(Timer.builder("podsearch.index.bulk.latency")
                    .description("time of one _bulk request")
                    .publishPercentiles(0.5, 0.99)
                    .register(metrics));
            counter("podsearch.index.bulk.requests", "_bulk requests sent").increment();
        }
    }

    /**
     * Reads a {@code _bulk} answer as a stream: when {@code errors} is false (it comes first) nothing more is read;
     * otherwise every item, in order, so that item i is operation i of the request.
     */
    private List<BulkItem> failedItems(InputStream in, int expected) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a _bulk answer that is not a JSON object");
            }
            List<BulkItem> items = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("errors")) {
                    if (!parser.getBooleanValue()) {
                        return List.of();
                    }
                } else if (field.equals("items")) {
                    items = new ArrayList<>(expected);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.nextToken(); // the action name
                        parser.nextToken();
                        JsonNode item = json.readTree(parser);
                        JsonNode error = item.path("error");
                        items.add(new BulkItem(
                                item.path("_id").asText(),
                                item.path("status").asInt(),
                                error.isMissingNode()
                                        ? null
                                        : error.path("type").asText(),
                                error.path("reason").asText()));
                        parser.nextToken(); // end of the item
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (items == null || items.size() != expected) {
                throw new IndexingException(
                        "a _bulk answer with " + (items == null ? "no" : items.size()) + " items for " + expected
                                + " operations",
                        true,
                        null);
            }
            return items;
        }
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(metrics);
    }
}
