package dev.podsearch.ingest.parse;

/** Reads one format. Every problem with the input is a {@link TranscriptParseException}; nothing else escapes. */
public interface TranscriptParser {

    ParsedTranscript parse(String text);
}
