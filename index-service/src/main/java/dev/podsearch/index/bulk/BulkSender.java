package dev.podsearch.index.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.index.IndexerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Sends operations in {@code _bulk} requests of at most {@code indexer.bulk-max-operations} operations and
 * {@code indexer.bulk-max-bytes} (estimated) bytes, up to {@code indexer.bulk-concurrency} in flight: one is
 * serialized while another is indexed. Order between them does not matter: every write carries its revision as
 * external version.
 */
@ApplicationScoped
class BulkSender {

    /** Below this many operations a batch is not split further to use every request slot. */
    static final int MIN_SPLIT = 50;

    private final OpenSearchClient client;
    private final IndexerConfig config;
    private final ObjectMapper json;
    private final Timer latency;
    private final Counter requests;
    private final ExecutorService senders;

    BulkSender(OpenSearchClient client, IndexerConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.client = client;
        this.config = config;
        this.json = json;
        this.latency = Timer.builder(IndexFacts.BULK_LATENCY)
                .description("time of one _bulk request")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
        this.requests = Counter.builder(IndexFacts.BULK_REQUESTS)
                .description("_bulk requests sent")
                .register(metrics);
        this.senders = Executors.newFixedThreadPool(
                config.bulkConcurrency(),
                Thread.ofPlatform().name("bulk-", 0).daemon().factory());
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /**
     * Sends the operations; returns what became of each, in order. A request refused as a whole throws: an
     * {@link IndexingException}, retryable or not by its status, or an {@link IOException} when unreachable.
     */
    List<BulkItem> send(List<Op> ops) throws IOException {
        long[] sizes = new long[ops.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = ops.get(i).bytes();
        }
        List<Future<List<BulkItem>>> answers = new ArrayList<>();
        for (int[] range : split(sizes, config.bulkMaxOperations(), config.bulkMaxBytes(), config.bulkConcurrency())) {
            List<Op> chunk = ops.subList(range[0], range[1]);
            answers.add(senders.submit(() -> request(chunk)));
        }
        List<BulkItem> items = new ArrayList<>(ops.size());
        for (Future<List<BulkItem>> answer : answers) {
            try {
                items.addAll(answer.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexingException("interrupted while indexing", true, e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException runtime -> throw runtime;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }
        return items;
    }

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

    /** Sends one {@code _bulk} request; returns one item per operation. */
    private List<BulkItem> request(List<Op> chunk) throws IOException {
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
        Timer.Sample sample = Timer.start();
        try (Response response = client.generic()
                .execute(Requests.create(
                        "POST",
                        "/_bulk?" + BulkAnswer.FILTER,
                        List.of(),
                        Map.of(),
                        Body.from(body, "application/x-ndjson")))) {
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
                return BulkAnswer.read(json, in, chunk.size());
            }
        } finally {
            sample.stop(latency);
            requests.increment();
        }
    }
}
