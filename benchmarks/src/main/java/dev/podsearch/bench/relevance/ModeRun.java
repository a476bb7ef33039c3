package dev.podsearch.bench.relevance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scores of one asked mode, and which modes the service says it ran for them.
 *
 * @param ran how many queries each mode ran (as the answers' {@code mode} field names it)
 */
record ModeRun(String mode, List<Score> scores, Map<String, Integer> ran) {

    /** The name used when the answer has no {@code mode} field: a service without modes searches by keyword. */
    static final String UNNAMED = "keyword (the answer names no mode)";

    boolean asAsked() {
        return ran.keySet().equals(Set.of(mode));
    }

    /** Empty when every query ran as asked, else what ran instead. */
    String deviation() {
        return asAsked() ? "" : "asked " + mode + ", the service ran " + ran;
    }
}
