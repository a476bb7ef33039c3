package dev.podsearch.bench.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up words for saved searches: eight letters, consonant-vowel four times, over consonants and the vowels a, o, u
 * only ("kabodumo"). No English word has that shape among the filler the episodes speak ({@link #FILLER}), and an
 * English stemmer leaves a word ending in a or o alone, so each word is its own term: an alert on one word matches
 * exactly the moments that say it. Distinct, deterministic for a seed.
 */
final class Vocabulary {

    private static final String CONSONANTS = "bdfgkmnprtvz";
    private static final String VOWELS = "aou";

    /** The plain words an episode's other lines are made of. */
    static final List<String> FILLER = List.of(
            ("we talked about the market and the weather this week and what listeners asked us to cover next time"
                            + " honestly the best part was the long story about a small town bakery and its river")
                    .split(" "));

    private Vocabulary() {}

    /** {@code count} distinct made-up words. */
    static List<String> words(long seed, int count) {
        int possible = (int) Math.pow(CONSONANTS.length() * VOWELS.length(), 4);
        if (count > possible / 2) {
            throw new IllegalArgumentException("at most " + possible / 2 + " made-up words, not " + count);
        }
        Random random = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder(8);
            for (int syllable = 0; syllable < 4; syllable++) {
                word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
                word.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
            }
            words.add(word.toString());
        }
        return new ArrayList<>(words);
    }

    /** A sentence of {@code length} filler words. */
    static String filler(Random random, int length) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sentence.append(i == 0 ? "" : " ").append(FILLER.get(random.nextInt(FILLER.size())));
        }
        return sentence.toString();
    }
}
