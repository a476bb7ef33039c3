package dev.podsearch.alert.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column values of native queries, whichever Java type the driver handed back. */
final class Rows {

    private Rows() {}

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime dateTime -> dateTime.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
