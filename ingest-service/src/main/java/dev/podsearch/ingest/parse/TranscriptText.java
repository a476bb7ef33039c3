package dev.podsearch.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns uploaded bytes into text, refusing what is empty, binary or not UTF-8. */
public final class TranscriptText {

    private TranscriptText() {}

    public static String decode(byte[] content) {
        if (content == null || content.length == 0) {
            throw new TranscriptParseException("the transcript is empty", 0);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new TranscriptParseException(
                    "the transcript is not valid UTF-8 text (at line " + lineOfInvalidByte(content) + ")",
                    lineOfInvalidByte(content));
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line =
                    (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw new TranscriptParseException("the transcript looks binary: it contains a NUL character", line);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new TranscriptParseException("the transcript is empty", 0);
        }
        return text;
    }

    private static int lineOfInvalidByte(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                try {
                    decoder.decode(ByteBuffer.wrap(content, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }
}
