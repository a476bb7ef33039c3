package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The forgiving query syntax: words, {@code "quoted phrases"}, {@code -excluded} words or phrases, {@code OR} between
 * two terms, and {@code prefix*}. Nothing is ever a syntax error: an unbalanced quote runs to the end, a lone
 * {@code -} or {@code *} is ignored, and characters of other query languages are just characters.
 *
 * @param groups all must match; each group matches when any of its terms does ({@code a OR b})
 * @param excluded none may match
 */
public record UserQuery(List<List<Term>> groups, List<Term> excluded) {

    /**
     * A word, a quoted phrase (several words in order, required), a name written with dots, hyphens or digits between
     * its parts ("x.ai", "gpt-4o": its parts in order, or joined), or a prefix.
     */
    public record Term(Kind kind, String text) {}

    public enum Kind {
        WORD,
        PHRASE,
        NAME,
        PREFIX
    }

    private static final int MIN_PREFIX = 2;

    public static UserQuery parse(String input) {
        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean orPending = false;
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1))) {
                negated = true;
                i++;
                c = input.charAt(i);
            }
            Term term;
            if (c == '"') {
                int close = input.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                term = phrase(input.substring(i + 1, end));
                i = close < 0 ? n : close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(input.charAt(end)) && input.charAt(end) != '"') {
                    end++;
                }
                String token = input.substring(i, end);
                i = end;
                if (token.equals("OR") && !negated) {
                    orPending = !groups.isEmpty();
                    continue;
                }
                term = word(token);
            }
            if (term == null) {
                continue;
            }
            if (negated) {
                excluded.add(term);
                orPending = false;
            } else if (orPending) {
                groups.getLast().add(term);
                orPending = false;
            } else {
                List<Term> group = new ArrayList<>();
                group.add(term);
                groups.add(group);
            }
        }
        return new UserQuery(groups, excluded);
    }

    private static Term phrase(String text) {
        String clean = words(text);
        if (clean.isEmpty()) {
            return null;
        }
        return new Term(clean.contains(" ") ? Kind.PHRASE : Kind.WORD, clean);
    }

    private static Term word(String token) {
        boolean prefix = token.endsWith("*");
        String clean = words(token);
        if (clean.isEmpty()) {
            return null;
        }
        if (prefix && !clean.contains(" ") && clean.length() >= MIN_PREFIX) {
            return new Term(Kind.PREFIX, clean.toLowerCase(Locale.ROOT));
        }
        return new Term(clean.contains(" ") ? Kind.NAME : Kind.WORD, clean);
    }

    /** Letters and digits kept, everything else a space: what the analyzers would split on anyway. */
    private static String words(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isLetterOrDigit(c) || c == '\'' ? c : ' ');
        }
        return out.toString().trim().replaceAll("\\s+", " ");
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Every positive term's words in order (phrases and OR-ed terms too, not exclusions): what the query means. */
    public String meaning() {
        List<String> parts = new ArrayList<>();
        groups.forEach(group -> group.forEach(term -> parts.add(term.text())));
        return String.join(" ", parts);
    }

    /** The query written back in its syntax, some terms replaced (a spelling correction): what a user would type. */
    public String text(java.util.Map<Term, String> replaced) {
        List<String> parts = new ArrayList<>();
        for (List<Term> group : groups) {
            parts.add(String.join(
                    " OR ",
                    group.stream()
                            .map(t -> written(t, replaced.getOrDefault(t, t.text())))
                            .toList()));
        }
        excluded.forEach(t -> parts.add("-" + written(t, t.text())));
        return String.join(" ", parts);
    }

    private static String written(Term term, String text) {
        return switch (term.kind()) {
            case PHRASE -> '"' + text + '"';
            case PREFIX -> text + "*";
            default -> text;
        };
    }

    /** The positive words in order, for the whole-phrase boost. */
    public String positiveText() {
        List<String> parts = new ArrayList<>();
        for (List<Term> group : groups) {
            if (group.size() == 1 && group.getFirst().kind() != Kind.PREFIX) {
                parts.add(group.getFirst().text());
            }
        }
        return String.join(" ", parts);
    }
}
