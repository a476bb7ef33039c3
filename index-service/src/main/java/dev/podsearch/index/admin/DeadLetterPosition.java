package dev.podsearch.index.admin;

import dev.podsearch.support.ProblemException;

/** A place in the dead-letter topic: where a page starts, the {@code next} cursor, or one record ({@code p@o}). */
public record DeadLetterPosition(int partition, long offset) implements Comparable<DeadLetterPosition> {

    /** Parses {@code partition@offset}, as the listing shows them; a 400 problem naming {@code parameter} otherwise. */
    static DeadLetterPosition parse(String parameter, String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("@", -1);
        try {
            if (parts.length == 2) {
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (partition >= 0 && offset >= 0) {
                    return new DeadLetterPosition(partition, offset);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(
                parameter, parameter + " holds '" + text + "', not a dead letter's partition@offset such as 0@12");
    }

    @Override
    public int compareTo(DeadLetterPosition other) {
        int byPartition = Integer.compare(partition, other.partition);
        return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
