package dev.podsearch.query.search;

/** Formats offsets the way people read them in a transcript. */
final class Timecodes {

    private Timecodes() {}

    static String format(Long millis) {
        if (millis == null) {
            return null;
        }
        long seconds = millis / 1000;
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
