package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.stack.ServiceProcess;
import dev.podsearch.stack.ServiceWatchdog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system as a user runs it: the three packaged services as separate processes, on real PostgreSQL, Kafka
 * and OpenSearch. Transcripts go in through the upload endpoint and the drop folder and come out of the search API.
 */
@ExtendWith(PodsearchSystem.class)
class EndToEndIT {

    private static final Path WORK = PodsearchSystem.WORK;
    private static final Path KEY_FILE = PodsearchSystem.KEY_FILE;

    private static ServiceProcess ingest;
    private static ServiceProcess index;
    private static ServiceProcess query;
    private static ServiceWatchdog queryWatch;

    @BeforeAll
    static void services() {
        PodsearchSystem.Running system = PodsearchSystem.get();
        ingest = system.ingest();
        index = system.index();
        query = system.query();
        queryWatch = system.queryWatch();
    }

    static String fixture(String name) {
        try (InputStream in = EndToEndIT.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String upload(String fixture, String show) {
        return given().baseUri(ingest.url())
                .contentType("text/plain")
                .queryParam("show", show)
                .queryParam("audioUrl", "https://media.example.org/" + fixture.replace(".txt", ".mp3"))
                .body(fixture(fixture))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .body("revision", equalTo(1))
                .extract()
                .path("id");
    }

    @Test
    void uploadedTranscriptsBecomeSearchableAtTheRightMoment() {
        String orchard = upload("orchard.txt", "Field Notes");
        String glacier = upload("glacier.txt", "Deep Field");
        String market = upload("market.txt", "City Walks");

        for (String id : new String[] {orchard, glacier, market}) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(ingest.url())
                    .get("/v1/transcripts/{id}", id)
                    .then()
                    .body("status", equalTo("INDEXED"))
                    .body("steps.indexed", org.hamcrest.Matchers.notNullValue()));
        }
        // then the embed stage writes their vectors: semantically searchable too, the status stays INDEXED
        for (String id : new String[] {orchard, glacier, market}) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(ingest.url())
                    .get("/v1/transcripts/{id}", id)
                    .then()
                    .body("status", equalTo("INDEXED"))
                    .body("steps.embedded", org.hamcrest.Matchers.notNullValue()));
        }

        // the default mode, once the vectors are written: hybrid, and the answer says so
        given().baseUri(query.url())
                .queryParam("q", "matching the cambium layers")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("mode", equalTo("hybrid"))
                .body("results[0].episode.id", equalTo(orchard));

        // by words, for the exact moment of the match
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query.url())
                .queryParam("q", "matching the cambium layers")
                .queryParam("mode", "keyword")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("mode", equalTo("keyword"))
                .body("results[0].episode.id", equalTo(orchard))
                .body("results[0].episode.title", equalTo("Grafting Old Apple Trees"))
                .body("results[0].episode.show", equalTo("Field Notes"))
                .body("results[0].moments[0].matchMs", equalTo(26_000))
                .body("results[0].moments[0].startMs", org.hamcrest.Matchers.lessThanOrEqualTo(26_000))
                .body("results[0].moments[0].link", equalTo("https://media.example.org/orchard.mp3#t=26")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query.url())
                .queryParam("q", "air bubbles escaping")
                .queryParam("mode", "keyword")
                .get("/v1/search")
                .then()
                .body("results[0].episode.id", equalTo(glacier))
                .body("results[0].moments[0].matchMs", equalTo(31_000))
                .body("results[0].moments[0].highlight", containsString("<mark>air"))
                .body("results[0].moments[0].highlight", containsString("escaping</mark>")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query.url())
                .queryParam("q", "broth simmered for eleven hours")
                .queryParam("mode", "keyword")
                .get("/v1/search")
                .then()
                .body("results[0].episode.id", equalTo(market))
                .body("results[0].moments[0].matchMs", equalTo(21_000)));

        given().baseUri(query.url())
                .queryParam("q", "submarine volcano telemetry")
                .queryParam("mode", "keyword")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("results", empty());
    }

    @Test
    void aFileInTheDropFolderBecomesSearchable() throws IOException {
        Path incoming = WORK.resolve("drop/incoming");
        Files.createDirectories(incoming);
        String content = fixture("market.txt")
                .replace("The Night Market Economy", "Dumplings After Dark")
                .replace("nine hundred dumplings", "eleven hundred lanterns")
                .replace("a broth simmered for eleven hours", "patience");
        Path part = incoming.resolve("dropped.txt.part");
        Files.writeString(part, content);
        Files.move(part, incoming.resolve("dropped.txt"));

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(WORK.resolve("drop/done/dropped.txt")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(query.url())
                .queryParam("q", "eleven hundred lanterns")
                .queryParam("mode", "keyword")
                .get("/v1/search")
                .then()
                .body("results[0].episode.title", equalTo("Dumplings After Dark"))
                .body("results[0].moments[0].matchMs", equalTo(35_000)));
    }

    @Test
    void aServiceKilledUnderUpIsStartedAgainOnItsPort() {
        ServiceProcess before = queryWatch.service();
        ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly(); // kill -9
        await().atMost(Duration.ofSeconds(150)).until(() -> queryWatch.restarts() == 1);
        ServiceProcess after = queryWatch.service();
        org.junit.jupiter.api.Assertions.assertNotEquals(before.pid(), after.pid());
        org.junit.jupiter.api.Assertions.assertEquals(before.url(), after.url());
        given().baseUri(after.url())
                .queryParam("q", "anything")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheLine() {
        given().baseUri(ingest.url())
                .contentType("text/plain")
                .body("Bogus upload\nShow transcript\n00:00:05: first\n00:00:01: backwards\n")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("line", equalTo(4))
                .body("detail", containsString("timestamps go backwards"));
    }

    @Test
    void keysMadeWithTheCommandWorkOnEveryServiceUntilRevoked() {
        KeyCommands keys = new KeyCommands(ingest.url(), KEY_FILE);
        String uploader = keys.create("e2e uploader", "ingest");
        String id = uploader.substring(3, 13);
        String auth = "Bearer " + uploader;

        given().baseUri(ingest.url())
                .header("Authorization", auth)
                .contentType("text/plain")
                .body(fixture("orchard.txt"))
                .post("/v1/transcripts?show=Keys")
                .then()
                .statusCode(202);
        given().baseUri(index.url())
                .header("Authorization", auth)
                .get("/admin/dead-letters")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://podsearch.dev/problems/forbidden"));
        given().baseUri(index.url()).get("/admin/dead-letters").then().statusCode(200);
        given().baseUri(index.url())
                .header("Authorization", "Bearer ps_nosuchkey0_" + "A".repeat(43))
                .get("/admin/dead-letters")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"podsearch\"");
        String listed = keys.run("list");
        assertTrue(listed.lines().anyMatch(line -> line.startsWith(id) && line.endsWith("e2e uploader")), listed);

        assertTrue(keys.run("revoke", id).startsWith("revoked key " + id), "revoke prints the key it revoked");
        given().baseUri(ingest.url())
                .header("Authorization", auth)
                .get("/v1/transcripts")
                .then()
                .statusCode(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().baseUri(index.url())
                .header("Authorization", auth)
                .get("/admin/dead-letters")
                .then()
                .statusCode(401)); // once its revocation poll (access.revocation-poll, 1 s) has dropped the key
    }
}
