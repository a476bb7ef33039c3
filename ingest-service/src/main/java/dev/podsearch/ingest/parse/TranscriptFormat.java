package dev.podsearch.ingest.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The transcript formats the ingest service reads, with the name a client may force with {@code format=}. */
public enum TranscriptFormat {
    SAMPLE_EXPORT("sample"),
    PODCASTING_JSON("podcasting-json"),
    WEBVTT("vtt"),
    SRT("srt"),
    HTML("html"),
    PLAIN_TEXT("text");

    private final String parameter;

    TranscriptFormat(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<TranscriptFormat> fromParameter(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.parameter.equals(wanted)).findFirst();
    }

    public static String parameterNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(TranscriptFormat::parameter).toList());
    }

    public TranscriptParser parser() {
        return switch (this) {
            case SAMPLE_EXPORT -> new SampleExportParser();
            case PODCASTING_JSON -> new PodcastingJsonParser();
            case WEBVTT -> new WebVttParser();
            case SRT -> new SrtParser();
            case HTML -> new HtmlTranscriptParser();
            case PLAIN_TEXT -> new PlainTextParser();
        };
    }
}
