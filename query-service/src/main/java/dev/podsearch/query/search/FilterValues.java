package dev.podsearch.query.search;

import dev.podsearch.support.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values of a repeatable filter parameter ({@code show}, {@code speaker}, {@code lang}) of search and trends: blanks
 * dropped, each stripped, repeats removed. Several values of one parameter are alternatives (OR); different parameters
 * all apply (AND). Anything a filter could never match, or too many values to be one person's choice, is a 400 naming
 * the parameter rather than a silently empty answer.
 */
public final class FilterValues {

    /** The most values one filter parameter takes (each becomes a term of the engine's query). */
    public static final int MAX_VALUES = 50;

    /** The longest value: a show or speaker name, far longer than any real one. */
    public static final int MAX_LENGTH = 200;

    /** A language tag as ingest accepts them (en, pt-BR). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private FilterValues() {}

    /** Shows or speakers: any text up to {@link #MAX_LENGTH} characters. */
    public static List<String> names(String parameter, List<String> values) {
        return checked(parameter, values, false);
    }

    /** Languages: tags such as {@code en} or {@code pt-BR}. */
    public static List<String> languages(String parameter, List<String> values) {
        return checked(parameter, values, true);
    }

    private static List<String> checked(String parameter, List<String> values, boolean language) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String stripped = value.strip();
            if (stripped.length() > MAX_LENGTH) {
                throw ProblemException.badParameter(
                        parameter,
                        parameter + " has a value of " + stripped.length() + " characters; the limit is " + MAX_LENGTH);
            }
            if (language && !LANGUAGE.matcher(stripped).matches()) {
                throw ProblemException.badParameter(
                        parameter, parameter + " '" + stripped + "' is not a language tag such as en or pt-BR");
            }
            distinct.add(stripped);
        }
        if (distinct.size() > MAX_VALUES) {
            throw ProblemException.badParameter(
                    parameter,
                    parameter + " is given " + distinct.size() + " different values; the limit is " + MAX_VALUES);
        }
        return List.copyOf(distinct);
    }
}
