package dev.podsearch.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void linesAreThoseOfTheRegexSplitTheParserUsedBefore() {
        List<String> cases = List.of(
                "",
                "\n",
                "\r\n",
                "\r",
                "a",
                "a\n",
                "a\r\n",
                "\na",
                "a\nb",
                "a\r\nb\r\n",
                "a\r\rb\n",
                "\r\n\r\n",
                "a\n\r\nb",
                "\r\r\n",
                "title\n\n[Transcript]\n00:00:01: hi\r\n");
        for (String text : cases) {
            assertArrayEquals(text.split("\\r?\\n", -1), Text.lines(text), () -> "for " + text.replace("\r", "\\r"));
        }
        Random random = new Random(29);
        char[] alphabet = {'a', ' ', '\n', '\r', 'b'};
        for (int round = 0; round < 2_000; round++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(text);
            assertArrayEquals(value.split("\\r?\\n", -1), Text.lines(value));
        }
    }
}
