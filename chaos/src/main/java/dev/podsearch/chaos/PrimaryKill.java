package dev.podsearch.chaos;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The OpenSearch side of {@link Fault.Kind#KILL_PRIMARY}: asks a live node which node holds the primaries of the
 * moments and episodes indices, and after that node was killed, waits until a replica of each of its primaries was
 * promoted on another node.
 */
final class PrimaryKill {

    /** How long the promotion may take (node left detected, replica made primary) on a busy machine. */
    static final Duration PROMOTION_DEADLINE = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<String> nodeUrls;

    /** @param nodeUrls every OpenSearch node's address, in node order */
    PrimaryKill(List<String> nodeUrls) {
        this.nodeUrls = nodeUrls;
    }

    /** The node (from 0) holding the most primaries of the search indices, asked of any node that answers. */
    int holder() throws InterruptedException {
        for (String url : nodeUrls) {
            try {
                return Primaries.nodeNumber(Primaries.holder(shards(url)));
            } catch (IOException | RuntimeException e) {
                // that node does not answer: ask the next
            }
        }
        throw new IllegalStateException("no OpenSearch node told where the primaries are");
    }

    /**
     * Waits until every primary the killed node held is started on another node, asking a node still up.
     *
     * @return how long it took
     */
    Duration awaitPromotion(int killed, long since) {
        String gone = "opensearch-" + (killed + 1);
        String live = nodeUrls.get((killed + 1) % nodeUrls.size());
        try {
            await().atMost(PROMOTION_DEADLINE)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> Primaries.promotedAwayFrom(shards(live), gone));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "no replica of " + gone + "'s primaries promoted within " + PROMOTION_DEADLINE.toSeconds() + " s");
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private JsonNode shards(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/_cat/shards?format=json"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("_cat/shards answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
