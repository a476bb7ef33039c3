package dev.podsearch.bench.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertPlanTest {

    private final AlertPlan plan = new AlertPlan(28, 500, 5, 20);

    @Test
    void madeUpWordsAreDistinctDeterministicAndNeverFiller() {
        List<String> words = Vocabulary.words(3, 5000);
        assertEquals(5000, new HashSet<>(words).size());
        assertEquals(words, Vocabulary.words(3, 5000));
        for (String word : words) {
            assertTrue(word.matches("([bdfgkmnprtvz][aou]){4}"), word);
            assertFalse(Vocabulary.FILLER.contains(word), word);
        }
        assertTrue(Vocabulary.FILLER.stream().noneMatch(w -> w.matches("([bdfgkmnprtvz][aou]){4}")));
    }

    @Test
    void alertsMixOneWordShowFiltersAndExclusions() {
        List<AlertPlan.Saved> alerts = plan.alerts();
        assertEquals(500, alerts.size());
        assertEquals(500, alerts.stream().map(AlertPlan.Saved::word).distinct().count());
        assertEquals(50, alerts.stream().filter(a -> !a.shows().isEmpty()).count());
        assertEquals(50, alerts.stream().filter(a -> a.excluded() != null).count());
        AlertPlan.Saved exclusion = alerts.get(11);
        assertEquals(exclusion.word() + " -" + exclusion.excluded(), exclusion.q());
        assertFalse(alerts.stream().map(AlertPlan.Saved::word).anyMatch(exclusion.excluded()::equals));
        assertEquals(alerts.get(7).word(), alerts.get(7).q());
        assertEquals(List.of(AlertPlan.SHOWS.get(2)), alerts.get(20).shows());
    }

    @Test
    void anEpisodeFiresExactlyTheAlertsWhoseRulesItsLinesMeet() {
        int expectedSomewhere = 0;
        int ruledOut = 0;
        for (int number = 0; number < 300; number++) {
            AlertPlan.Planned episode = plan.episode(number);
            assertEquals(episode, plan.episode(number), "deterministic");
            assertEquals(5, Set.copyOf(episode.mentioned()).size());
            List<String> lines = episode.text().lines().toList();
            assertEquals(4 + 20 * 6, lines.size(), "title, notes and a line every 10 s");
            List<Set<String>> lineWords = lines.stream()
                    .map(line -> Set.copyOf(List.of(line.replace(".", "").split(" "))))
                    .toList();
            Set<Integer> firing = new HashSet<>();
            for (AlertPlan.Saved alert : plan.alerts()) {
                boolean said = false;
                for (int l = 0; l < lines.size(); l++) {
                    Set<String> words = lineWords.get(l);
                    if (words.contains(alert.word())) {
                        assertTrue(lines.get(l).matches("\\d\\d:\\d\\d:00: .*"), "on a whole minute: " + lines.get(l));
                        said = true;
                        if ((alert.excluded() == null || !words.contains(alert.excluded()))
                                && (alert.shows().isEmpty() || alert.shows().contains(episode.show()))) {
                            firing.add(alert.index());
                        }
                    }
                }
                assertEquals(episode.mentioned().contains(alert.index()), said, "alert " + alert.index());
            }
            assertEquals(firing, episode.expected(), "episode " + number);
            expectedSomewhere += episode.expected().size();
            ruledOut += episode.mentioned().size() - episode.expected().size();
        }
        assertTrue(expectedSomewhere > 1000 && ruledOut > 30, expectedSomewhere + " fire, " + ruledOut + " ruled out");
    }

    @Test
    void refusesMoreMentionsThanMinutes() {
        assertThrows(IllegalArgumentException.class, () -> new AlertPlan(1, 100, 20, 20));
    }
}
