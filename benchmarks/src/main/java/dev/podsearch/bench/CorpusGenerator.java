package dev.podsearch.bench;

import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Episodes shaped like our sample exports: a title, a notes paragraph and a few hundred {@code HH:MM:SS: text} lines
 * of conversational English (about 25 KB per episode by default). Deterministic for a seed, so runs compare.
 */
public final class CorpusGenerator {

    private static final String[] WORDS =
            ("the a and to of that it is in you we this so what they but just like right know think about was "
                            + "model chips export china data center robot agent training open source benchmark inference "
                            + "deep seek nvidia huawei meta google anthropic openai cursor tokens pricing compute energy "
                            + "lighthouse keeper fog horn orchard glacier market dumplings broth river night ocean winter "
                            + "really actually honestly basically interesting weird huge tiny cheap expensive fast slow "
                            + "week episode story question answer listeners today tomorrow yesterday year quarter deal "
                            + "government policy filing stock trade regulation lab researchers paper release launch")
                    .split(" ");
    private static final String[] SHOWS = {"Daily Synthesizer", "Field Notes", "Deep Field", "City Walks", "Tech Wire"};

    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * One generated episode.
     *
     * @param text the episode in our sample export format
     * @param lines the same transcript as timed lines
     */
    public record Episode(
            int number, String show, String title, String notes, String text, List<Segment> lines, Instant published) {

        /** The episode as the event ingest-service would publish for it. */
        public TranscriptEvent event(String episodeId, long revision) {
            dev.podsearch.events.Episode metadata = new dev.podsearch.events.Episode(
                    show,
                    title,
                    notes,
                    published,
                    "https://media.example.org/" + number + ".mp3",
                    "en",
                    null,
                    List.of());
            return TranscriptEvent.upsert(episodeId, revision, Instant.now(), metadata, lines);
        }
    }

    public Episode episode(int number, int targetBytes) {
        String show = SHOWS[number % SHOWS.length];
        String title = capitalize(sentence(4 + random.nextInt(5))) + " #" + number;
        String notes = capitalize(sentence(30)) + ".";
        StringBuilder text = new StringBuilder(targetBytes + 256)
                .append(title)
                .append("\nShow notes\n")
                .append(notes)
                .append("\nShow transcript\n");
        List<Segment> lines = new ArrayList<>();
        int second = 0;
        while (text.length() < targetBytes) {
            String line = capitalize(sentence(6 + random.nextInt(30))) + ".";
            text.append(String.format("%02d:%02d:%02d: ", second / 3600, (second / 60) % 60, second % 60))
                    .append(line)
                    .append("\n");
            int next = second + 1 + random.nextInt(9);
            lines.add(new Segment(second * 1000L, next * 1000L, null, line));
            second = next;
        }
        Instant published = Instant.parse("2024-01-01T06:00:00Z").plus(Duration.ofDays(number % 1000));
        return new Episode(
                number, show, title, notes, text.append("New comment").toString(), List.copyOf(lines), published);
    }

    public List<Episode> episodes(int count, int targetBytes) {
        List<Episode> episodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            episodes.add(episode(i, targetBytes));
        }
        return episodes;
    }

    private String sentence(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
