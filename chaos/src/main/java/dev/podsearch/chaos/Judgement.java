package dev.podsearch.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Judges every episode. One that looks wrong is judged again for a while (a search sees a write a refresh after the
 * status said INDEXED), and the last verdict counts.
 */
final class Judgement {

    private static final Duration SECOND_LOOK = Duration.ofSeconds(30);

    private final Verifier verifier;

    Judgement(Verifier verifier) {
        this.verifier = verifier;
    }

    Map<Episode, Verdict> judgeAll(List<Episode> episodes) {
        Map<Episode, Verdict> verdicts = new LinkedHashMap<>();
        for (Episode episode : episodes) {
            verdicts.put(episode, judge(episode));
        }
        List<Episode> wrong = verdicts.entrySet().stream()
                .filter(e -> e.getValue().bad())
                .map(Map.Entry::getKey)
                .toList();
        if (!wrong.isEmpty()) {
            try {
                await().atMost(SECOND_LOOK).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    wrong.forEach(e -> verdicts.put(e, judge(e)));
                    return wrong.stream().noneMatch(e -> verdicts.get(e).bad());
                });
            } catch (ConditionTimeoutException e) {
                // the verdicts stand
            }
        }
        return verdicts;
    }

    private Verdict judge(Episode episode) {
        try {
            return verifier.judge(episode);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Verdict.of(Verdict.Kind.LOST, "could not be checked: " + e);
        }
    }
}
