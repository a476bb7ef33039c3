package dev.podsearch.ingest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DropFolderTest {

    @Inject
    IngestConfig config;

    private Path folder(String name) {
        return config.drop().dir().orElseThrow().resolve(name);
    }

    @Test
    void ingestsACompleteFileAndMovesItToDone() throws IOException {
        String title = "Dropped " + UUID.randomUUID();
        String content = SampleExportParserTest.fixture("harbour-episode.txt")
                .replace("Lighthouses and the Last Keepers", title);
        Path part = folder("incoming").resolve("episode-" + title.hashCode() + ".txt.part");
        Files.writeString(part, content);
        Path file = part.resolveSibling(part.getFileName().toString().replace(".part", ""));
        Files.move(part, file);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(folder("done").resolve(file.getFileName())));

        assertFalse(Files.exists(file));
        long stored = QuarkusTransaction.requiringNew().call(() -> Transcript.count("title", title));
        assertEquals(1, stored);
    }

    @Test
    void movesABadFileToFailedWithItsProblem() throws IOException {
        String name = "broken-" + UUID.randomUUID() + ".txt";
        Files.writeString(folder("incoming").resolve(name), SampleExportParserTest.fixture("backwards.txt"));

        Path error = folder("failed").resolve(name + ".error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error));

        assertTrue(Files.exists(folder("failed").resolve(name)));
        String problem = Files.readString(error);
        MatcherAssert.assertThat(problem, containsString("\"line\" : 4"));
        MatcherAssert.assertThat(problem, containsString("timestamps go backwards"));
    }

    @Test
    void leavesPartialFilesAlone() throws IOException, InterruptedException {
        Path part = folder("incoming").resolve("still-uploading-" + UUID.randomUUID() + ".txt.part");
        Files.writeString(part, "Half a title");
        Path marker = folder("incoming").resolve("marker-" + UUID.randomUUID() + ".txt");
        Files.writeString(marker, SampleExportParserTest.fixture("backwards.txt"));

        // once the marker (written after the .part file) was handled, the scanner has seen the .part file too
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(folder("failed").resolve(marker.getFileName() + ".error.json")));

        assertTrue(Files.exists(part));
        Files.delete(part);
    }

    @Test
    void aSidecarGivesTheMetadataAndTheExtensionTheFormat() throws IOException {
        String title = "Sidecar " + UUID.randomUUID();
        String name = "keepers-" + UUID.randomUUID();
        Files.writeString(
                folder("incoming").resolve(name + ".meta.json"),
                "{\"title\": \"" + title + "\", \"show\": \"Drop Show\", \"speakers\": [\"Marta\", \"Host\"],"
                        + " \"publishedAt\": \"2026-05-17\"}");
        Files.writeString(folder("incoming").resolve(name + ".vtt"), SampleExportParserTest.fixture("keepers.vtt"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(folder("done").resolve(name + ".vtt")));

        assertTrue(Files.exists(folder("done").resolve(name + ".meta.json")));
        Transcript stored = QuarkusTransaction.requiringNew()
                .call(() -> Transcript.<Transcript>find("title", title).firstResult());
        assertEquals("Drop Show", stored.show);
        assertEquals("vtt", stored.format);
        assertEquals(java.util.List.of("Marta", "Host"), stored.speakers);
    }

    @Test
    void anHtmlFileIsReadByItsExtensionAndItsLineErrorsReported() throws IOException {
        String title = "Dropped HTML " + UUID.randomUUID();
        String name = "keepers-" + UUID.randomUUID();
        Files.writeString(
                folder("incoming").resolve(name + ".html"),
                SampleExportParserTest.fixture("keepers.html").replace("Keepers of the Light", title));
        String broken = "broken-" + UUID.randomUUID();
        Files.writeString(folder("incoming").resolve(broken + ".htm"), "<time>0:01</time>\n<p>a</p>\n<p>untimed</p>\n");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(folder("done").resolve(name + ".html")));
        Transcript stored = QuarkusTransaction.requiringNew()
                .call(() -> Transcript.<Transcript>find("title", title).firstResult());
        assertEquals("html", stored.format);
        assertEquals(3, stored.segmentCount);

        Path error = folder("failed").resolve(broken + ".htm.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error));
        MatcherAssert.assertThat(Files.readString(error), containsString("\"line\" : 3"));
        MatcherAssert.assertThat(Files.readString(error), containsString("a <p> without a <time> before it"));
    }

    @Test
    void anInvalidSidecarFailsTheFileWithAProblem() throws IOException {
        String name = "bad-meta-" + UUID.randomUUID();
        Files.writeString(folder("incoming").resolve(name + ".meta.json"), "{\"audioUrl\": \"ftp://nope\"}");
        Files.writeString(
                folder("incoming").resolve(name + ".txt"), SampleExportParserTest.fixture("harbour-episode.txt"));

        Path error = folder("failed").resolve(name + ".txt.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error));

        assertTrue(Files.exists(folder("failed").resolve(name + ".meta.json")));
        MatcherAssert.assertThat(Files.readString(error), containsString("\"parameter\" : \"audioUrl\""));
    }

    @Inject
    dev.podsearch.ingest.drop.DropFolder dropFolder;

    @Test
    void aRestartFinishesWhatWasInProcessingWithoutDuplicates() throws IOException {
        String title = "Interrupted " + UUID.randomUUID();
        String content = SampleExportParserTest.fixture("harbour-episode.txt")
                .replace("Lighthouses and the Last Keepers", title);
        // the previous run stored the file, then stopped before moving it on
        io.restassured.RestAssured.given()
                .contentType("text/plain")
                .body(content)
                .post("/v1/transcripts")
                .then()
                .statusCode(202);
        String stored = "stored-" + UUID.randomUUID() + ".txt";
        Files.writeString(folder("processing").resolve(stored), content);
        // and it had claimed another one that it never stored
        String lostTitle = "Never stored " + UUID.randomUUID();
        String unstored = "unstored-" + UUID.randomUUID() + ".txt";
        Files.writeString(folder("processing").resolve(unstored), content.replace(title, lostTitle));

        dropFolder.recover();

        assertTrue(Files.exists(folder("done").resolve(stored)));
        assertTrue(Files.exists(folder("done").resolve(unstored)));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Transcript.count("title", title)));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Transcript.<Transcript>find("title", title).firstResult().revision));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Transcript.count("title", lostTitle)));
    }
}
