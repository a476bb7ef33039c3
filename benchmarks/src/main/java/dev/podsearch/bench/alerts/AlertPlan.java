package dev.podsearch.bench.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The saved searches of a run and the episodes that mention them, with which alert each episode must fire. Alert
 * {@code i} watches made-up word {@code i} ({@link Vocabulary}); one in ten also has a show filter, one in ten an
 * exclusion ({@code word -other}), the rest are the word alone. An episode of {@code minutes} minutes has a filler line
 * every 10 s, and at {@code mentions} distinct whole minutes a line that says one alert's word (an exclusion alert's
 * other word in the same line half the time). It must fire that alert unless the show filter or the exclusion rules
 * it out. Deterministic for a seed.
 */
final class AlertPlan {

    static final List<String> SHOWS = List.of("Morning Market", "River Talk", "Town Bakery");

    /** One saved search: {@code shows} empty for none; {@code excluded} null for none. */
    record Saved(int index, String name, String q, List<String> shows, String word, String excluded) {}

    /** One episode to upload, and the alerts (indices) it must fire. */
    record Planned(
            int number, String show, String title, String text, List<Integer> mentioned, Set<Integer> expected) {}

    private final long seed;
    private final List<Saved> alerts;
    private final int mentions;
    private final int minutes;

    AlertPlan(long seed, int alertCount, int mentions, int minutes) {
        if (mentions >= minutes || mentions > alertCount) {
            throw new IllegalArgumentException("an episode of " + minutes + " minutes cannot mention " + mentions
                    + " of " + alertCount + " alerts");
        }
        this.seed = seed;
        this.mentions = mentions;
        this.minutes = minutes;
        List<String> words = Vocabulary.words(seed, alertCount + alertCount / 10 + 1);
        List<Saved> saved = new ArrayList<>(alertCount);
        for (int i = 0; i < alertCount; i++) {
            String word = words.get(i);
            String name = "bench alert " + i;
            saved.add(
                    switch (i % 10) {
                        case 0 -> new Saved(i, name, word, List.of(SHOWS.get(i / 10 % SHOWS.size())), word, null);
                        case 1 -> {
                            String other = words.get(alertCount + i / 10);
                            yield new Saved(i, name, word + " -" + other, List.of(), word, other);
                        }
                        default -> new Saved(i, name, word, List.of(), word, null);
                    });
        }
        this.alerts = List.copyOf(saved);
    }

    List<Saved> alerts() {
        return alerts;
    }

    /** Episode {@code number} (the same for the same seed and number). */
    Planned episode(int number) {
        Random random = new Random(seed * 1_000_003L + number);
        String show = SHOWS.get(number % SHOWS.size());
        Set<Integer> mentioned = new LinkedHashSet<>();
        while (mentioned.size() < mentions) {
            mentioned.add(random.nextInt(alerts.size()));
        }
        Set<Integer> atMinutes = new LinkedHashSet<>();
        while (atMinutes.size() < mentions) {
            atMinutes.add(1 + random.nextInt(minutes - 1));
        }
        List<Integer> alertAt = new ArrayList<>(mentioned);
        List<Integer> minuteOf = new ArrayList<>(atMinutes);
        String title = "Episode " + number + " " + Vocabulary.filler(random, 3);
        StringBuilder text = new StringBuilder(title)
                .append("\nShow notes\n")
                .append(Vocabulary.filler(random, 12))
                .append(".\nShow transcript\n");
        Set<Integer> expected = new LinkedHashSet<>();
        for (int second = 0; second < minutes * 60; second += 10) {
            int slot = second % 60 == 0 ? minuteOf.indexOf(second / 60) : -1;
            String line = Vocabulary.filler(random, 8);
            if (slot >= 0) {
                Saved alert = alerts.get(alertAt.get(slot));
                boolean excluded = alert.excluded() != null && random.nextBoolean();
                line = Vocabulary.filler(random, 4) + " " + alert.word() + (excluded ? " " + alert.excluded() : "")
                        + " " + Vocabulary.filler(random, 4);
                if (!excluded && (alert.shows().isEmpty() || alert.shows().contains(show))) {
                    expected.add(alert.index());
                }
            }
            text.append(String.format("%02d:%02d:%02d: ", second / 3600, second / 60 % 60, second % 60))
                    .append(line)
                    .append(".\n");
        }
        return new Planned(number, show, title, text.toString(), List.copyOf(alertAt), Set.copyOf(expected));
    }
}
