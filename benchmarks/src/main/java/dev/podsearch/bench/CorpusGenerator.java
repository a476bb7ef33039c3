package dev.podsearch.bench;

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

    /** One generated episode. */
    public record Episode(String show, String title, String text) {}

    public Episode episode(int number, int targetBytes) {
        String show = SHOWS[number % SHOWS.length];
        String title = capitalize(sentence(4 + random.nextInt(5))) + " #" + number;
        StringBuilder text = new StringBuilder(targetBytes + 256)
                .append(title)
                .append("\nShow notes\n")
                .append(capitalize(sentence(30)))
                .append(".\nShow transcript\n");
        int second = 0;
        while (text.length() < targetBytes) {
            text.append(String.format("%02d:%02d:%02d: ", second / 3600, (second / 60) % 60, second % 60))
                    .append(capitalize(sentence(6 + random.nextInt(30))))
                    .append(".\n");
            second += 1 + random.nextInt(9);
        }
        return new Episode(show, title, text.append("New comment").toString());
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
