package dev.podsearch.bench.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The judged corpus is consistent: every judgment points at an episode and at one of its lines. */
class CorpusTest {

    private static final Path DIR = Path.of("src/main/resources/relevance");

    @Test
    void everyExpectedMomentIsALineOfItsEpisode() throws Exception {
        Corpus corpus = Corpus.read(DIR);
        Map<String, Corpus.Episode> episodes =
                corpus.episodes().stream().collect(Collectors.toMap(Corpus.Episode::stem, e -> e));
        assertEquals(16, episodes.size());
        for (Judgment j : Judgments.read(DIR.resolve("queries.tsv"))) {
            if (!j.answerable()) {
                assertTrue(j.episode().isEmpty() && j.atMs().isEmpty(), j.id());
                continue;
            }
            Corpus.Episode episode = episodes.get(j.episode());
            assertTrue(episode != null, j.id() + " names no corpus episode: " + j.episode());
            j.atMs()
                    .ifPresent(at -> assertTrue(
                            episode.text().contains("\n" + hms(at) + ": "), j.id() + " has no line at " + hms(at)));
            assertTrue(!episode.metadata().get("show").isBlank()
                    && episode.metadata().containsKey("publishedAt"));
        }
    }

    @Test
    void everyKindHasEnoughQueriesAndAHoldout() throws Exception {
        List<Judgment> judgments = Judgments.read(DIR.resolve("queries.tsv"));
        assertTrue(judgments.size() >= 75);
        Set<String> ids = new HashSet<>();
        judgments.forEach(j -> assertTrue(ids.add(j.id()), "duplicate id " + j.id()));
        for (String kind : Judgments.KINDS) {
            List<Judgment> ofKind =
                    judgments.stream().filter(j -> j.kind().equals(kind)).toList();
            assertTrue(ofKind.size() >= (kind.equals("paraphrase") ? 12 : 8), kind + ": " + ofKind.size());
            long holdout =
                    ofKind.stream().filter(j -> j.split().equals("holdout")).count();
            assertTrue(holdout >= 1 && holdout <= ofKind.size() / 3, kind + " holdout " + holdout);
        }
    }

    @Test
    void rejectsAMalformedLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> Judgments.parse(List.of("id\tkind\tsplit\tquery\tepisode\tat", "x\tkeyword\ttune\tq")));
        assertTrue(e.getMessage().startsWith("line 2"));
    }

    private static String hms(long ms) {
        long s = ms / 1000;
        return String.format("%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
