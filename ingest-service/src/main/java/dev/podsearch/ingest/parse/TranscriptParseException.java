package dev.podsearch.ingest.parse;

/** The content cannot be read as a transcript; {@code line} is 1-based, 0 when the problem has no single line. */
public class TranscriptParseException extends RuntimeException {

    private final int line;

    public TranscriptParseException(String detail, int line) {
        super(detail);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
