package dev.podsearch.search;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The documents of one revision of an episode: the episode and its moments. The one place that turns the Kafka
 * contract into index documents, used by index-service and by the tests that index a corpus of their own.
 */
public record EpisodeDocuments(EpisodeDocument episode, List<MomentDocument> moments) {

    /** A title word suffix ("Last Keepers" of "Lighthouses and the Last Keepers") counts less than the title. */
    private static final int TITLE_WEIGHT = 10;

    private static final int SUFFIX_WEIGHT = 5;
    private static final int MAX_SUFFIXES = 6;

    /**
     * @param event an {@link TranscriptEvent.Type#UPSERT} with its episode metadata
     * @param addedAt when the episode first became searchable: now for a new episode, else the previous revision's
     */
    public static EpisodeDocuments of(TranscriptEvent event, Instant addedAt) {
        Episode episode = event.episode();
        if (episode == null) {
            throw new IllegalArgumentException("an UPSERT event needs its episode metadata");
        }
        List<Segment> lines = event.segments();
        List<MomentDocument> moments = new ArrayList<>();
        for (MomentWindows.Window window : MomentWindows.of(lines)) {
            List<Segment> part = lines.subList(window.from(), window.to());
            List<MomentDocument.Line> texts = new ArrayList<>(part.size());
            StringBuilder text = new StringBuilder();
            for (Segment line : part) {
                texts.add(new MomentDocument.Line(
                        line.startMs(), line.endMs(), line.text().length()));
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(MomentDocument.withoutMarkers(line.text()));
            }
            Segment first = part.getFirst();
            Segment last = part.getLast();
            moments.add(new MomentDocument(
                    event.episodeId(),
                    event.revision(),
                    moments.size(),
                    window.from(),
                    first.startMs(),
                    last.endMs() != null ? last.endMs() : last.startMs(),
                    first.speaker(),
                    text.toString(),
                    texts,
                    episode.title(),
                    episode.notes(),
                    episode.show(),
                    episode.publishedAt(),
                    episode.audioUrl(),
                    episode.language(),
                    addedAt));
        }
        Topics.Found topics = Topics.of(lines.stream().map(Segment::text).toList());
        Set<String> speakers = new LinkedHashSet<>(episode.speakers());
        lines.stream()
                .map(Segment::speaker)
                .filter(s -> s != null && !s.isBlank())
                .forEach(speakers::add);
        Long duration = lines.isEmpty()
                ? null
                : lines.getLast().endMs() != null
                        ? lines.getLast().endMs()
                        : lines.getLast().startMs();
        EpisodeDocument document = new EpisodeDocument(
                event.episodeId(),
                event.revision(),
                episode.title(),
                episode.notes(),
                episode.show(),
                episode.publishedAt(),
                episode.audioUrl(),
                episode.language(),
                List.copyOf(speakers),
                duration,
                moments.size(),
                lines.size(),
                topics.all(),
                addedAt,
                suffixes(episode.title(), TITLE_WEIGHT),
                suffixes(episode.show(), TITLE_WEIGHT),
                speakers.stream()
                        .flatMap(s -> suffixes(s, TITLE_WEIGHT).stream())
                        .toList(),
                topics.phrases().stream()
                        .map(p -> new EpisodeDocument.Completion(p.text(), p.count()))
                        .toList());
        return new EpisodeDocuments(document, moments);
    }

    /**
     * A name and the tails of it that start at a word which is not a filler, so typing any word of it finds it: "Last
     * Keepers" and "Keepers" for "Lighthouses and the Last Keepers".
     */
    static List<EpisodeDocument.Completion> suffixes(String name, int weight) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<EpisodeDocument.Completion> inputs = new ArrayList<>();
        String stripped = name.strip();
        inputs.add(new EpisodeDocument.Completion(stripped, weight));
        String[] words = stripped.split("\\s+");
        for (int i = 1; i < words.length && inputs.size() <= MAX_SUFFIXES; i++) {
            String word = words[i].toLowerCase(Locale.ROOT);
            if (!Topics.FILLERS.contains(word) && Character.isLetterOrDigit(word.charAt(0))) {
                inputs.add(new EpisodeDocument.Completion(
                        String.join(" ", List.of(words).subList(i, words.length)), SUFFIX_WEIGHT));
            }
        }
        return inputs;
    }

    /** The transcript lines back from the moments, in order, each once (consecutive moments may share one). */
    public static List<TranscriptLine> lines(List<MomentDocument> moments) {
        List<TranscriptLine> lines = new ArrayList<>();
        int next = 0;
        for (MomentDocument moment : moments) {
            int[] offsets = moment.lineOffsets();
            for (int i = 0; i < moment.lines().size(); i++) {
                int number = moment.firstLine() + i;
                if (number >= next) {
                    MomentDocument.Line line = moment.lines().get(i);
                    String text = moment.text().substring(offsets[i], offsets[i] + line.chars());
                    lines.add(new TranscriptLine(number, line.startMs(), line.endMs(), moment.speaker(), text));
                    next = number + 1;
                }
            }
        }
        return lines;
    }

    /** One line of a transcript as read back from the index. */
    public record TranscriptLine(int number, Long startMs, Long endMs, String speaker, String text) {}
}
