package dev.podsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
        Map<String, int[]> phrases = new HashMap<>();
        Map<String, int[]> words = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        for (String line : lines) {
            tokens.clear();
            tokenize(line, tokens);
            for (int i = 0; i < tokens.size(); i++) {
                String word = tokens.get(i);
                boolean filler = FILLERS.contains(word);
                if (!filler && word.length() >= 4 && !isNumber(word)) {
                    words.computeIfAbsent(word, w -> new int[1])[0]++;
                }
                if (filler) {
                    continue;
                }
                for (int length = 2; length <= 3 && i + length <= tokens.size(); length++) {
                    String last = tokens.get(i + length - 1);
                    if (!FILLERS.contains(last)) {
                        String phrase = String.join(" ", tokens.subList(i, i + length));
                        phrases.computeIfAbsent(phrase, p -> new int[1])[0]++;
                    }
                }
            }
        }
        return new Found(top(phrases, MAX_PHRASES, 2), top(words, MAX_WORDS, 1));
    }

    private static List<Count> top(Map<String, int[]> counts, int limit, int atLeast) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[0] >= atLeast)
                .map(e -> new Count(e.getKey(), e.getValue()[0]))
                .sorted(Comparator.comparingInt(Count::count)
                        .reversed()
                        .thenComparing(c -> -c.text().length())
                        .thenComparing(Count::text))
                .limit(limit)
                .toList();
    }

    /** Lower-case runs of letters, digits and inner apostrophes. */
    static void tokenize(String line, List<String> out) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if ((c == '\'' || c == '’') && !word.isEmpty()) {
                word.append('\'');
            } else if (!word.isEmpty()) {
                int end = word.length();
                while (end > 0 && word.charAt(end - 1) == '\'') {
                    end--;
                }
                if (end > 0) {
                    out.add(word.substring(0, end).toLowerCase(Locale.ROOT));
                }
                word.setLength(0);
            }
        }
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }
}
