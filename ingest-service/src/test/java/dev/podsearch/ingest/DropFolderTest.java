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
}
