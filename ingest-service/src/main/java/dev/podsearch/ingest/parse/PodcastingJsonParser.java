package dev.podsearch.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Podcasting 2.0 JSON transcripts: {@code {"version", "segments": [{"speaker", "startTime", "endTime", "body"}]}}, times
 * in seconds. Word-level segments are merged into lines: consecutive segments of one speaker join until a sentence
 * ends, a pause of over {@value #MAX_GAP_MS} ms, or the line reaches {@value #MAX_LINE_MS} ms or {@value
 * #MAX_LINE_CHARS} characters.
 */
public final class PodcastingJsonParser implements TranscriptParser {

    static final long MAX_GAP_MS = 1500;
    static final long MAX_LINE_MS = 15_000;
    static final int MAX_LINE_CHARS = 300;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    @Override
    public ParsedTranscript parse(String text) {
        try (JsonParser json = FACTORY.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new TranscriptParseException("a Podcasting 2.0 transcript is a JSON object", line(json));
            }
            Merger merger = new Merger();
            boolean sawSegments = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (!"segments".equals(field)) {
                    json.skipChildren();
                    continue;
                }
                sawSegments = true;
                if (value != JsonToken.START_ARRAY) {
                    throw new TranscriptParseException("'segments' must be an array", line(json));
                }
                int index = 0;
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    int at = line(json);
                    JsonNode segment = MAPPER.readTree(json);
                    merger.add(segment, index++, at);
                }
            }
            if (!sawSegments) {
                throw new TranscriptParseException("the JSON has no 'segments' array", 1);
            }
            merger.flush();
            return new ParsedTranscript(null, null, merger.timeline.segments(line(json)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TranscriptParseException("invalid JSON: " + e.getOriginalMessage(), Math.max(line, 0));
        } catch (IOException e) {
            throw new TranscriptParseException("unreadable JSON: " + e.getMessage(), 0);
        }
    }

    private static int line(JsonParser json) {
        return json.currentLocation().getLineNr();
    }

    /** Joins word-level segments into lines. */
    private static final class Merger {
        private final Timeline timeline = new Timeline();
        private String speaker;
        private long start = -1;
        private long end;
        private int line;
        private final StringBuilder body = new StringBuilder();

        void add(JsonNode segment, int index, int at) {
            if (!segment.isObject()) {
                throw new TranscriptParseException("segment " + index + " is not an object", at);
            }
            long startMs = seconds(segment, "startTime", index, at, true);
            long endMs = segment.has("endTime") ? seconds(segment, "endTime", index, at, false) : startMs;
            JsonNode bodyNode = segment.get("body");
            if (bodyNode == null || !bodyNode.isTextual()) {
                throw new TranscriptParseException("segment " + index + " needs a 'body' string", at);
            }
            JsonNode speakerNode = segment.get("speaker");
            String who = speakerNode == null || speakerNode.isNull() ? null : speakerNode.asText();
            String words = bodyNode.asText().strip();
            if (words.isEmpty()) {
                return;
            }
            boolean joins = start >= 0
                    && java.util.Objects.equals(who, speaker)
                    && startMs - end <= MAX_GAP_MS
                    && endMs - start <= MAX_LINE_MS
                    && body.length() + words.length() < MAX_LINE_CHARS
                    && !endsSentence(body);
            if (!joins) {
                flush();
                speaker = who;
                start = startMs;
                line = at;
            }
            body.append(body.isEmpty() ? "" : " ").append(words);
            end = Math.max(end, endMs);
        }

        void flush() {
            if (start >= 0 && !body.isEmpty()) {
                timeline.add(start, end, speaker, body.toString(), line);
            }
            body.setLength(0);
            start = -1;
            end = 0;
        }

        private static boolean endsSentence(StringBuilder text) {
            if (text.isEmpty()) {
                return false;
            }
            char last = text.charAt(text.length() - 1);
            return last == '.' || last == '?' || last == '!';
        }

        private static long seconds(JsonNode segment, String field, int index, int at, boolean required) {
            JsonNode value = segment.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    throw new TranscriptParseException("segment " + index + " needs '" + field + "' (seconds)", at);
                }
                return 0;
            }
            if (!value.isNumber() || value.asDouble() < 0 || Double.isNaN(value.asDouble()) || value.asDouble() > 1e7) {
                throw new TranscriptParseException(
                        "segment " + index + ": '" + field + "' must be a number of seconds, not " + value, at);
            }
            return Math.round(value.asDouble() * 1000);
        }
    }
}
