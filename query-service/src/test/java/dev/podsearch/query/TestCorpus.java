package dev.podsearch.query;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.search.MomentDocument;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * A small corpus the search tests control, indexed with the shared mappings and documents of search-model, exactly as
 * index-service writes them.
 */
final class TestCorpus {

    static final String LIGHTHOUSE = "ep-lighthouse";
    static final String BAKERY = "ep-bakery";
    static final String HOSTILE = "ep-hostile";

    private static boolean loaded;

    private TestCorpus() {}

    static synchronized void load(OpenSearchClient client) throws IOException {
        if (loaded) {
            return;
        }
        createIndex(client, Mappings.MOMENTS_INDEX, Indices.MOMENTS);
        createIndex(client, Mappings.EPISODES_INDEX, Indices.EPISODES);
        List<TranscriptEvent> events = List.of(
                episode(
                        LIGHTHOUSE,
                        "Lighthouses and the Last Keepers",
                        "Coastal Hours",
                        "https://media.example.org/coastal/1.mp3",
                        "Host",
                        "en",
                        "2026-05-17T06:00:00Z",
                        "Welcome back to Coastal Hours.",
                        "The keeper has climbed these stairs every night.",
                        "She says the fog horn is the loudest thing she has ever loved.",
                        "The horn of a passing ship answered through the fog."),
                episode(
                        BAKERY,
                        "Bread at Dawn",
                        "Kitchen Talk",
                        null,
                        "Baker",
                        "fr",
                        "2025-03-01T06:00:00Z",
                        "We start the ovens at four.",
                        "A sourdough starter is older than the bakery itself.",
                        "Fog on the windows means the dough is proving."),
                episode(
                        HOSTILE,
                        "Markup Episode",
                        "Kitchen Talk",
                        null,
                        "Host",
                        "en",
                        "2026-05-18T06:00:00Z",
                        "Someone typed <script>alert('fog')</script> into the transcript."));
        index(client, events);
        index(client, machineMinutes());
        loaded = true;
    }

    static final String CHIPS = "ep-chips";
    static final String WEIGHTS = "ep-weights";
    static final String MORE_WEIGHTS = "ep-more-weights";
    static final String MACHINE_MINUTES = "Machine Minutes";

    /**
     * A show transcribed by speech recognition: short lines cut mid-sentence, and one name spelled three ways
     * ("deep seek", "DeepSeq", "DeepSeek"). Two episodes talk about the same things, for "similar".
     */
    static List<TranscriptEvent> machineMinutes() {
        return List.of(
                event(
                        CHIPS,
                        "Chips and Models",
                        "https://media.example.org/mm/1.mp3",
                        "2026-04-01T06:00:00Z",
                        List.of(
                                new Segment(0L, 1000L, "Ana Lima", "This is your"),
                                new Segment(1000L, 2000L, "Ana Lima", "daily synthesizer."),
                                new Segment(2000L, 4000L, "Ana Lima", "Today deep seek ditched"),
                                new Segment(4000L, 6000L, "Ana Lima", "NVIDia for its training runs."))),
                event(
                        WEIGHTS,
                        "Open Weights Week",
                        null,
                        "2026-04-08T06:00:00Z",
                        List.of(
                                new Segment(0L, 5000L, "Ana Lima", "The DeepSeq model weights are open."),
                                new Segment(60000L, 65000L, "Ana Lima", "Everyone talks about open weights."),
                                new Segment(120000L, 125000L, "Ana Lima", "Model weights, open weights, again."))),
                event(
                        MORE_WEIGHTS,
                        "More on Open Weights",
                        null,
                        "2026-04-15T06:00:00Z",
                        List.of(
                                new Segment(0L, 5000L, "Ben Okafor", "DeepSeek released open weights."),
                                new Segment(60000L, 65000L, "Ben Okafor", "Open weights beat closed model weights."),
                                new Segment(120000L, 125000L, "Ben Okafor", "Model weights matter."),
                                new Segment(180000L, 185000L, "Ben Okafor", "We rode a gondola. A slow one."))));
    }

    private static TranscriptEvent event(
            String id, String title, String audio, String published, List<Segment> segments) {
        Episode episode =
                new Episode(MACHINE_MINUTES, title, null, Instant.parse(published), audio, "en", null, List.of());
        return TranscriptEvent.upsert(id, 1, Instant.now(), episode, segments);
    }

    /** Indexes the events' documents as index-service would, and refreshes. */
    static void index(OpenSearchClient client, List<TranscriptEvent> events) throws IOException {
        List<BulkOperation> all = new ArrayList<>();
        for (TranscriptEvent event : events) {
            EpisodeDocuments documents = EpisodeDocuments.of(event, Instant.now());
            for (MomentDocument m : documents.moments()) {
                all.add(BulkOperation.of(op -> op.index(ix -> ix.index(Indices.MOMENTS)
                        .id(Indices.momentId(m.episodeId(), m.ordinal()))
                        .document(m))));
            }
            EpisodeDocument episode = documents.episode();
            all.add(BulkOperation.of(op -> op.index(
                    ix -> ix.index(Indices.EPISODES).id(episode.episodeId()).document(episode))));
        }
        var response =
                client.bulk(b -> b.operations(all).refresh(org.opensearch.client.opensearch._types.Refresh.True));
        if (response.errors()) {
            throw new IOException("indexing the test corpus failed: " + response.items());
        }
    }

    /** An English episode of eight-second lines, Host and Guest taking turns (each line a moment of its own). */
    static TranscriptEvent dialogue(
            String id, String show, String title, String notes, String published, String... lines) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            segments.add(new Segment(i * 8000L, i * 8000L + 8000, i % 2 == 0 ? "Host" : "Guest", lines[i]));
        }
        Episode episode = new Episode(show, title, notes, Instant.parse(published), null, "en", null, List.of());
        return TranscriptEvent.upsert(id, 1, Instant.now(), episode, segments);
    }

    /** An episode whose lines are each eight seconds long; each speaker's line a moment of its own. */
    static TranscriptEvent episode(
            String id,
            String title,
            String show,
            String audio,
            String speaker,
            String language,
            String published,
            String... lines) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            long start = i * 8000L + (id.equals(LIGHTHOUSE) ? 3000 : 0);
            // alternate a second voice, so that each line is a moment (windows never span speakers)
            segments.add(new Segment(start, start + 8000, i % 2 == 0 ? speaker : speaker + " (guest)", lines[i]));
        }
        Episode episode = new Episode(
                show, title, "Notes of " + title, Instant.parse(published), audio, language, null, List.of(speaker));
        return TranscriptEvent.upsert(id, 1, Instant.now(), episode, segments);
    }

    private static void createIndex(OpenSearchClient client, String index, String alias) throws IOException {
        String definition = new String(Mappings.definition(index), java.nio.charset.StandardCharsets.UTF_8);
        String withAlias = definition.replaceFirst("\\{", "{\"aliases\":{\"" + alias + "\":{}},");
        try (Response response = client.generic()
                .execute(Requests.create(
                        "PUT",
                        "/" + index,
                        List.of(),
                        Map.of(),
                        Body.from(withAlias.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json")))) {
            if (response.getStatus() >= 300) {
                throw new IOException("creating " + index + ": "
                        + response.getBody().map(Body::bodyAsString).orElse(""));
            }
        }
    }
}
