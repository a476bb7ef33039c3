package dev.podsearch.bench.relevance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scores of one asked mode, and which modes the service says it ran for them.
 *
 * @param ran how many queries each mode ran, as the answers' {@code mode} field names it; an answer without the field
 *     counts as {@code keyword} (a service without modes searches by keyword)
 * @param unnamed how many answers had no {@code mode} field
 */
record ModeRun(String mode, List<Score> scores, Map<String, Integer> ran, int unnamed) {

    boolean asAsked() {
        return ran.keySet().equals(Set.of(mode));
    }

    /** Empty when every query ran as asked, else what ran instead. */
    String deviation() {
        if (asAsked()) {
            return "";
        }
        StringBuilder text = new StringBuilder("asked " + mode + ", the service ran");
        ran.forEach(
                (ranMode, n) -> text.append(' ').append(ranMode).append(" for ").append(n));
        text.append(" of ").append(scores.size());
        return text + (unnamed > 0 ? " (" + unnamed + " answers name no mode: a service without modes)" : "");
    }
}
