package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static org.junit.jupiter.api.Assertions.fail;

import dev.podsearch.ingest.parse.TranscriptFormat;
import dev.podsearch.ingest.parse.TranscriptParseException;
import dev.podsearch.ingest.parse.TranscriptParser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random and mutated inputs for every parser: the only exception allowed out is {@link TranscriptParseException}
 * (which the API answers as 422). Seeded, so a failure reproduces.
 */
class ParserFuzzTest {

    private static final int ROUNDS = 10_000;
    private static final List<String> SEEDS = List.of(
            fixture("harbour-episode.txt"),
            fixture("keepers.vtt"),
            fixture("keepers.srt"),
            fixture("keepers.json"),
            fixture("keepers-plain.txt"));
    private static final String ALPHABET = "0123456789:.,->{}[]\"\\ \n\r\tWEBVTT<v >&;aZé\u0000\uFFFF";

    @ParameterizedTest
    @EnumSource(TranscriptFormat.class)
    void noInputMakesAParserThrowAnythingButAParseError(TranscriptFormat format) {
        TranscriptParser parser = format.parser();
        Random random = new Random(format.ordinal() * 7919L);
        for (int round = 0; round < ROUNDS; round++) {
            String input = round % 4 == 0 ? noise(random) : mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                parser.parse(input);
            } catch (TranscriptParseException expected) {
                // a clear 422
            } catch (RuntimeException | StackOverflowError e) {
                fail(format + " threw " + e + " on round " + round + " for input:\n" + input, e);
            }
        }
    }

    private static String noise(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder out = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && !out.isEmpty(); m++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(5)) {
                case 0 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> out.delete(at, Math.min(out.length(), at + random.nextInt(40)));
                case 3 -> out.setLength(at);
                default -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(80))));
            }
        }
        return out.toString();
    }
}
