package dev.podsearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judged corpus is frozen: its checksum is the last one HISTORY.md records, so no judgment changes silently. */
class CorpusChecksumTest {

    private static final Path DIR = Path.of("src/main/resources/relevance");

    @Test
    void theCorpusIsTheLastVersionHistoryRecords() throws Exception {
        String actual = CorpusChecksum.of(DIR);
        assertEquals(
                Optional.of(actual),
                CorpusChecksum.lastRecorded(DIR),
                "the relevance corpus changed (sha256 " + actual + "): add a row to " + DIR.resolve("HISTORY.md")
                        + " with the date, this checksum and why");
    }

    @Test
    void checksumIsSha256OfTheEpisodesInNameOrderThenTheMetadataThenTheQueries(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("episodes"));
        Files.writeString(dir.resolve("episodes/b.txt"), "second\n");
        Files.writeString(dir.resolve("episodes/a.txt"), "first\n");
        Files.writeString(dir.resolve("episodes/notes.md"), "not an episode\n");
        Files.writeString(dir.resolve("episodes.json"), "{}\n");
        Files.writeString(dir.resolve("queries.tsv"), "id\tkind\tsplit\tquery\tepisode\tat\n");
        Files.writeString(dir.resolve("README.md"), "not hashed\n");
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest("first\nsecond\n{}\nid\tkind\tsplit\tquery\tepisode\tat\n"
                                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, CorpusChecksum.of(dir));

        Files.writeString(dir.resolve("README.md"), "edited\n");
        assertEquals(expected, CorpusChecksum.of(dir));
        Files.writeString(dir.resolve("queries.tsv"), "id\tkind\tsplit\tquery\tepisode\tat\nx\tnone\ttune\tq\t\t\n");
        assertNotEquals(expected, CorpusChecksum.of(dir));
    }

    @Test
    void theLastChecksumInHistoryCountsAndTheReportSaysWhetherTheCorpusIsIt(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("episodes"));
        Files.writeString(dir.resolve("episodes/a.txt"), "first\n");
        Files.writeString(dir.resolve("episodes.json"), "{}\n");
        Files.writeString(dir.resolve("queries.tsv"), "id\n");
        assertEquals(Optional.empty(), CorpusChecksum.lastRecorded(dir));
        assertTrue(CorpusChecksum.line(dir).contains("no checksum recorded in HISTORY.md"), CorpusChecksum.line(dir));

        String old = "0".repeat(64);
        String current = CorpusChecksum.of(dir);
        Files.writeString(
                dir.resolve("HISTORY.md"),
                "| date | sha256 | reason |\n| 2026-12-01 | " + old + " | first |\n| 2026-12-07 | " + current
                        + " | more negatives |\n");
        assertEquals(Optional.of(current), CorpusChecksum.lastRecorded(dir));
        assertEquals(
                "corpus sha256 " + current + " (the frozen corpus, as HISTORY.md records last)",
                CorpusChecksum.line(dir));

        Files.writeString(dir.resolve("queries.tsv"), "id\nchanged\n");
        String changed = CorpusChecksum.of(dir);
        assertEquals(
                "corpus sha256 " + changed + " (NOT the frozen corpus: HISTORY.md records " + current + " last)",
                CorpusChecksum.line(dir));
    }
}
