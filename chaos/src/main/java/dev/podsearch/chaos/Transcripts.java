package dev.podsearch.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The transcripts of the upload stream, as Podcasting 2.0 JSON: every line of a revision says that revision's marker,
 * a made-up word no other revision has, so a keyword search for it finds exactly the revision (and an old revision's
 * marker finds whatever of it was left behind). Marker words are letters only and twelve long, so the analyzer keeps
 * them whole and a quoted search matches nothing else.
 */
final class Transcripts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS = List.of(
            "garden", "river", "engine", "harvest", "lantern", "market", "orbit", "signal", "winter", "valley",
            "copper", "meadow", "harbor", "thunder", "compass", "canyon", "violin", "glacier", "pepper", "ladder");
    private static final String CONSONANTS = "bcdfghjklmnprstvz";
    private static final String VOWELS = "aeiou";

    /** Seconds between two lines. */
    static final int LINE_SECONDS = 10;

    private Transcripts() {}

    /** A fresh marker word: consonant-vowel pairs, from the stream's random. */
    static String marker(Random random) {
        StringBuilder word = new StringBuilder(12);
        while (word.length() < 12) {
            word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            word.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return word.toString();
    }

    /** A revision of {@code lines} lines, each saying its marker among ordinary words. */
    static byte[] episode(String marker, int lines, Random random) {
        ObjectNode root = JSON.createObjectNode().put("version", "1.0.0");
        ArrayNode segments = root.putArray("segments");
        for (int i = 0; i < lines; i++) {
            String body = "We talk about the " + word(random) + " and the " + word(random) + " near " + marker
                    + " today, then the " + word(random) + ".";
            segments.addObject()
                    .put("speaker", "Host")
                    .put("startTime", i * LINE_SECONDS)
                    .put("endTime", i * LINE_SECONDS + LINE_SECONDS - 1)
                    .put("body", body);
        }
        return bytes(root);
    }

    /**
     * Poison the API accepts (202) and the indexer refuses for good: a speaker's name longer than a keyword term may
     * be (Lucene's 32766 bytes). The upload must end {@code FAILED} with the engine's reason, and nothing of it
     * findable.
     */
    static byte[] refusedByTheIndex(String marker) {
        ObjectNode root = JSON.createObjectNode().put("version", "1.0.0");
        ArrayNode segments = root.putArray("segments");
        segments.addObject()
                .put("speaker", "Host")
                .put("startTime", 0)
                .put("endTime", 9)
                .put("body", "A line that says " + marker + " before the refused one.");
        segments.addObject()
                .put("speaker", "x".repeat(40_000))
                .put("startTime", 10)
                .put("endTime", 19)
                .put("body", "The speaker of this line is too long a keyword, " + marker + ".");
        return bytes(root);
    }

    /** Poison for the drop folder: a {@code .json} file that is not JSON; it must end in {@code failed/}. */
    static byte[] unparseable(String marker) {
        return ("{\"segments\": [ {\"body\": \"" + marker + "\", ").getBytes(StandardCharsets.UTF_8);
    }

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
