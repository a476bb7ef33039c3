package dev.podsearch.ingest;

import dev.podsearch.ingest.parse.FormatDetector;
import dev.podsearch.ingest.parse.ParsedTranscript;
import dev.podsearch.ingest.parse.TranscriptFormat;
import dev.podsearch.ingest.parse.TranscriptParseException;
import dev.podsearch.ingest.parse.TranscriptText;
import dev.podsearch.support.ProblemException;
import java.util.Map;

/** An upload's content as a transcript: its format (forced by the client or detected) and what it says. */
final class UploadParser {

    /** A parsed upload. */
    record Parsed(TranscriptFormat format, ParsedTranscript transcript) {}

    /** Decodes the content and parses it in the forced or detected format; bad input becomes a 400 or 422 problem. */
    static Parsed parse(Upload upload) {
        TranscriptFormat forced = null;
        if (upload.format() != null && !upload.format().isBlank()) {
            forced = TranscriptFormat.fromParameter(upload.format())
                    .orElseThrow(() -> ProblemException.badParameter(
                            "format",
                            "format '" + upload.format() + "' is not one of " + TranscriptFormat.parameterNames()));
        }
        try {
            String text = TranscriptText.decode(upload.content());
            TranscriptFormat format = forced != null ? forced : FormatDetector.detect(upload.contentType(), text);
            return new Parsed(format, format.parser().parse(text));
        } catch (TranscriptParseException e) {
            throw new ProblemException(
                    422,
                    "unparseable-transcript",
                    "Transcript cannot be parsed",
                    e.getMessage(),
                    e.line() > 0 ? Map.of("line", e.line()) : Map.of());
        }
    }

    private UploadParser() {}
}
