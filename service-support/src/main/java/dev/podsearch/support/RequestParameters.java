package dev.podsearch.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parsing of request parameters whose errors are 400 problems naming the parameter. */
public final class RequestParameters {

    private RequestParameters() {}

    /** An ISO-8601 date (midnight UTC) or date-time; null when blank. */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badParameter(
                        parameter,
                        parameter + " '" + value
                                + "' is not an ISO-8601 date (2026-05-17) or date-time (2026-05-17T06:00:00Z)");
            }
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code max} of {@link Long#MAX_VALUE} means no upper bound. */
    public static long number(String parameter, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter(parameter, parameter + " is required");
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(
                parameter,
                parameter + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max)
                        + ", not '" + value + "'");
    }
}
