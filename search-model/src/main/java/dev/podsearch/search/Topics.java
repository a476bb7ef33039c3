package dev.podsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an episode is about, by counting: its most frequent two- and three-word phrases (neither starting nor ending
 * with a filler word) and its most frequent words. Cheap enough for a 10 MB transcript (one pass, one hash map), and
 * good enough to suggest phrases while typing and to find episodes about the same things.
 *
 * <p>The filler list is English; other languages still get phrases and words, with more noise.
 */
public final class Topics {

    public static final int MAX_PHRASES = 12;
    public static final int MAX_WORDS = 20;

    /** A phrase or word and how often it occurs. */
    public record Count(String text, int count) {}

    /** The phrases (said at least twice) and the words, most frequent first. */
    public record Found(List<Count> phrases, List<Count> words) {

        /** Phrases then words, as plain strings. */
        public List<String> all() {
            List<String> all = new ArrayList<>(phrases.size() + words.size());
            phrases.forEach(p -> all.add(p.text()));
            words.forEach(w -> all.add(w.text()));
            return all;
        }
    }

    static final Set<String> FILLERS = Set.of(
            "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
            "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "down",
            "even", "every", "for", "from", "get", "gets", "go", "going", "gonna", "got", "had", "has", "have",
            "having", "he", "her", "here", "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "it", "it's",
            "its", "just", "kind", "know", "like", "lot", "me", "mean", "more", "most", "much", "my", "no", "not",
            "now", "of", "off", "oh", "ok", "okay", "on", "one", "only", "or", "other", "our", "out", "over", "pretty",
            "really", "right", "said", "say", "says", "see", "she", "so", "some", "sort", "still", "such", "than",
            "that", "that's", "the", "their", "them", "then", "there", "there's", "these", "they", "they're", "thing",
            "things", "think", "this", "those", "through", "to", "too", "um", "uh", "up", "us", "very", "want", "was",
            "way", "we", "we're", "well", "were", "what", "what's", "when", "where", "which", "while", "who", "why",
            "will", "with", "would", "yeah", "yes", "you", "you're", "your");

    private Topics() {}

    public static Found of(Iterable<String> lines) {
        // Words become small integer ids; phrases are counted by the ids they are made of (a long), so no string
        // is built per position: only the winners are spelled out at the end.
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        IntCounts words = new IntCounts();
        LongCounts phrases = new LongCounts();
        List<String> tokens = new ArrayList<>();
        int[] line = new int[64];
        boolean[] filler = new boolean[256];
        for (String text : lines) {
            tokens.clear();
            tokenize(text, tokens);
            if (tokens.size() > line.length) {
                line = new int[tokens.size() * 2];
            }
            for (int i = 0; i < tokens.size(); i++) {
                String word = tokens.get(i);
                Integer id = ids.get(word);
                if (id == null) {
                    id = vocabulary.size();
                    ids.put(word, id);
                    vocabulary.add(word);
                    if (id >= filler.length) {
                        filler = java.util.Arrays.copyOf(filler, filler.length * 2);
                    }
                    filler[id] = FILLERS.contains(word);
                }
                line[i] = id;
            }
            for (int i = 0; i < tokens.size(); i++) {
                int id = line[i];
                if (filler[id]) {
                    continue;
                }
                String word = vocabulary.get(id);
                if (word.length() >= 4 && !isNumber(word)) {
                    words.increment(id);
                }
                if (i + 1 < tokens.size() && !filler[line[i + 1]]) {
                    phrases.increment(key(id, line[i + 1], -1));
                }
                if (i + 2 < tokens.size() && !filler[line[i + 2]]) {
                    phrases.increment(key(id, line[i + 1], line[i + 2]));
                }
            }
        }
        List<Count> topPhrases = new ArrayList<>();
        phrases.forEach((key, count) -> {
            if (count >= 2) {
                topPhrases.add(new Count(spell(key, vocabulary), count));
            }
        });
        List<Count> topWords = new ArrayList<>();
        words.forEach((id, count) -> topWords.add(new Count(vocabulary.get(id), count)));
        return new Found(top(topPhrases, MAX_PHRASES), top(topWords, MAX_WORDS));
    }

    /** Two or three word ids in a long: 21 bits each, the third all ones when absent. */
    private static long key(int first, int second, int third) {
        long absent = (1L << 21) - 1;
        return ((long) first << 42) | ((long) second << 21) | (third < 0 ? absent : third);
    }

    private static String spell(long key, List<String> vocabulary) {
        long mask = (1L << 21) - 1;
        String phrase = vocabulary.get((int) (key >>> 42)) + " " + vocabulary.get((int) ((key >>> 21) & mask));
        long third = key & mask;
        return third == mask ? phrase : phrase + " " + vocabulary.get((int) third);
    }

    private static List<Count> top(List<Count> counts, int limit) {
        return counts.stream()
                .sorted(Comparator.comparingInt(Count::count)
                        .reversed()
                        .thenComparing(c -> -c.text().length())
                        .thenComparing(Count::text))
                .limit(limit)
                .toList();
    }

    /** Counts per int key without boxing. */
    private static final class IntCounts {
        private int[] counts = new int[256];

        void increment(int key) {
            if (key >= counts.length) {
                counts = java.util.Arrays.copyOf(counts, Math.max(key + 1, counts.length * 2));
            }
            counts[key]++;
        }

        void forEach(java.util.function.BiConsumer<Integer, Integer> each) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    each.accept(i, counts[i]);
                }
            }
        }
    }

    /** Counts per long key: open addressing, linear probing, no boxing. */
    private static final class LongCounts {
        private long[] keys = new long[8192];
        private int[] counts = new int[8192];
        private int size;

        void increment(long key) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (counts[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (counts[slot] == 0) {
                keys[slot] = key;
                size++;
            }
            counts[slot]++;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new int[oldCounts.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldCounts[i] != 0) {
                    int slot = (int) (mix(oldKeys[i]) & mask);
                    while (counts[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        void forEach(LongIntConsumer each) {
            for (int i = 0; i < keys.length; i++) {
                if (counts[i] != 0) {
                    each.accept(keys[i], counts[i]);
                }
            }
        }
    }

    @FunctionalInterface
    private interface LongIntConsumer {
        void accept(long key, int count);
    }

    /** Lower-case runs of letters, digits and inner apostrophes. */
    static void tokenize(String line, List<String> out) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '’') && !word.isEmpty()) {
                word.append('\'');
            } else if (!word.isEmpty()) {
                int end = word.length();
                while (end > 0 && word.charAt(end - 1) == '\'') {
                    end--;
                }
                if (end > 0) {
                    out.add(word.substring(0, end));
                }
                word.setLength(0);
            }
        }
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
