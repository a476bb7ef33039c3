package dev.podsearch.stack;

/** The stack's console output: one prefixed line per event, on stderr so it never mixes with a tool's stdout. */
final class StackLog {

    private StackLog() {}

    static void info(String format, Object... args) {
        System.err.println("[stack] " + String.format(format, args));
    }
}
