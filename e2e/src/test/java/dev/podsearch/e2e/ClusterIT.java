package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Topics;
import dev.podsearch.stack.DevKey;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke test of the cluster shape ({@code ./podsearch up --cluster}): three Kafka nodes and three OpenSearch
 * nodes, one ingest-service, two index-services sharing the partitions, one query-service. The contract's topics are
 * replicated three times with {@code min.insync.replicas} 2 and the indices have a replica; an upload is found, then
 * one Kafka node is killed (SIGKILL) and an upload is found, then one OpenSearch node is killed and an upload is found,
 * the earlier ones still. The embed stage is off here: the keyword path is what the cluster carries, and two cores
 * cannot also embed in the time the suite allows; its writes (moments put back with their vectors, a stale one
 * refused) are made directly while the node is down, and the node, started again, recovers every shard copy by itself
 * (OpenSearch 3.6 could not rebuild a replica of the moments index with k-NN derived source on: docs/benchmarks.md).
 */
class ClusterIT {

    private static final Path REPO = PodsearchSystem.REPO;
    private static final Path WORK = REPO.resolve("e2e/target/cluster");

    private static LocalStack stack;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess query;
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK);
        stack = LocalStack.start(LocalStack.Options.ephemeral(EnumSet.allOf(LocalStack.Component.class))
                .asCluster());
        Path keyFile = WORK.resolve("api-key");
        Files.deleteIfExists(keyFile);
        key = DevKey.ensure(keyFile);
        Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
        properties.put("ingest.drop.dir", WORK.resolve("drop").toString());
        properties.put("access.bootstrap-key-file", keyFile.toString());
        properties.put("rate-limit.reads-capacity", "0");
        properties.put("embedder.enabled", "false");
        Path logs = WORK.resolve("logs");
        ingest = started(ServiceProcess.start("ingest-service", REPO.resolve("ingest-service"), 0, properties, logs));
        properties.put("access.verify-url", ingest.url());
        started(ServiceProcess.start("index-service", REPO.resolve("index-service"), 0, properties, logs));
        started(ServiceProcess.start("index-service-2", REPO.resolve("index-service"), 0, properties, logs));
        query = started(ServiceProcess.start("query-service", REPO.resolve("query-service"), 0, properties, logs));
    }

    private static ServiceProcess started(ServiceProcess service) {
        services.add(service);
        return service;
    }

    @AfterAll
    static void stop() {
        services.reversed().forEach(ServiceProcess::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void uploadsAreFoundWithAKafkaNodeAndThenAnOpenSearchNodeKilled() throws Exception {
        assertEquals(3, stack.nodes(LocalStack.Component.KAFKA));
        assertEquals(3, stack.nodes(LocalStack.Component.OPENSEARCH));
        assertReplicated();

        String first = upload("marigoldvesper", "Before any fault");
        assertFound("marigoldvesper", first);

        stack.faults().crash(LocalStack.Component.KAFKA, 0);
        String second = upload("quillfeather", "With a Kafka node down");
        assertFound("quillfeather", second);

        stack.faults().crash(LocalStack.Component.OPENSEARCH, 0);
        String third = upload("tamarindlodge", "With an OpenSearch node down too");
        assertFound("tamarindlodge", third);
        assertFound("marigoldvesper", first);
        assertFound("quillfeather", second);

        ClusterEngine engine = new ClusterEngine(openSearchUrls()[2]);
        for (String episode : List.of(first, second, third)) {
            engine.embed(episode);
        }
        stack.faults().restart(LocalStack.Component.OPENSEARCH, 0);
        engine.awaitGreen(Duration.ofMinutes(4));
        assertFound("tamarindlodge", third);
    }

    private static String[] openSearchUrls() {
        return stack.quarkusProperties().get("opensearch.hosts").split(",");
    }

    /** Topics with three copies and min.insync.replicas 2, as the production overlay; indices with one replica. */
    private static void assertReplicated() throws Exception {
        Properties config = new Properties();
        config.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.quarkusProperties().get("kafka.bootstrap.servers"));
        try (Admin admin = Admin.create(config)) {
            for (String topic : List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_INDEXED)) {
                TopicDescription description = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic);
                description
                        .partitions()
                        .forEach(partition -> assertEquals(
                                3,
                                partition.replicas().size(),
                                topic + " partition " + partition.partition() + " copies"));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String minInsync = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource)
                        .get("min.insync.replicas")
                        .value();
                assertEquals("2", minInsync, topic + " min.insync.replicas");
            }
        }
        String url = openSearchUrls()[0];
        HttpResponse<String> replicas = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/_cat/indices/moments*?h=rep"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("1", replicas.body().strip(), "replicas of the moments index");
    }

    private static String upload(String marker, String title) {
        String transcript = title + "\nShow transcript\n"
                + "00:00:00: Welcome back to the cluster hour, where nothing is lost.\n"
                + "00:00:12: Today the word of the day is " + marker + ", said once and found again.\n";
        return given().baseUri(ingest.url())
                .header("Authorization", "Bearer " + key)
                .contentType("text/plain")
                .queryParam("show", "Cluster Hour")
                .body(transcript)
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static void assertFound(String marker, String id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().baseUri(query.url())
                        .header("Authorization", "Bearer " + key)
                        .queryParam("q", marker)
                        .queryParam("mode", "keyword")
                        .get("/v1/search")
                        .then()
                        .statusCode(200)
                        .body("results.size()", equalTo(1))
                        .body("results[0].episode.id", equalTo(id))
                        .body("results[0].moments[0].highlight", containsString("<mark>" + marker + "</mark>")));
    }
}
