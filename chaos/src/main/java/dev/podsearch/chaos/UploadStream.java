package dev.podsearch.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes at a steady rate on its own thread, whatever state the system is in: new episodes (about 45 in 100), shorter
 * revisions of earlier ones (30), deletes (15) and poison (10: an upload the indexer refuses, or an unparseable file in
 * the drop folder). Each write is tried until answered ({@link Attempts}); the next one waits for it, so when the
 * system is down the stream slows down like a real client, and starts again at its rate once it answers.
 */
final class UploadStream implements Runnable {

    /** Lines of a first revision; each revision has three fewer, down to three. */
    static final int FIRST_LINES = 12;

    private final Api api;
    private final Ledger ledger;
    private final Random random;
    private final Duration interval;
    private final Duration writeDeadline;
    private final Path incoming;
    private final Availability availability;
    private final List<Episode> mine = new ArrayList<>();
    private volatile boolean stopped;
    private int poisons;

    UploadStream(
            Api api,
            Ledger ledger,
            long seed,
            double perSecond,
            Duration writeDeadline,
            Path dropDir,
            Availability availability) {
        this.api = api;
        this.availability = availability;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.interval = Duration.ofNanos((long) (1e9 / perSecond));
        this.writeDeadline = writeDeadline;
        this.incoming = dropDir.resolve("incoming");
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        try {
            while (!stopped) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait)); // the stream's pace
                }
                next = Math.max(next + interval.toNanos(), System.nanoTime());
                writeOne();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeOne() throws InterruptedException {
        List<Episode> writable = mine.stream().filter(Episode::writable).toList();
        int roll = random.nextInt(100);
        if (writable.size() < 3 || roll < 45) {
            Episode episode = ledger.newEpisode(Episode.Kind.NORMAL);
            mine.add(episode);
            upload(episode, FIRST_LINES);
        } else if (roll < 75) {
            Episode episode = writable.get(random.nextInt(writable.size()));
            upload(episode, Math.max(3, episode.lastLines() - 3));
        } else if (roll < 90) {
            delete(writable.get(random.nextInt(writable.size())));
        } else if (poisons++ % 2 == 0) {
            Episode episode = ledger.newEpisode(Episode.Kind.POISON_UPLOAD);
            String marker = Transcripts.marker(random);
            write(episode, marker, 2, Transcripts.refusedByTheIndex(marker));
        } else {
            drop(ledger.newEpisode(Episode.Kind.POISON_DROP));
        }
    }

    private void upload(Episode episode, int lines) throws InterruptedException {
        String marker = Transcripts.marker(random);
        write(episode, marker, lines, Transcripts.episode(marker, lines, random));
    }

    /** One upload of the episode; also used by the recovery probe. */
    static Attempts.Outcome write(Api api, Episode episode, String marker, int lines, byte[] body, Duration deadline)
            throws InterruptedException {
        Map<String, String> metadata = Map.of(
                "externalId",
                episode.externalId(),
                "show",
                "Chaos Radio",
                "title",
                "Episode " + episode.externalId(),
                "publishedAt",
                "2026-12-01");
        String key = UUID.randomUUID().toString();
        Attempts.Outcome outcome = Attempts.until(deadline, () -> api.upload(body, metadata, key));
        String id = outcome.ack() == Attempts.Ack.ACKED
                ? outcome.answer().body().path("id").asText()
                : null;
        long revision = outcome.ack() == Attempts.Ack.ACKED
                ? outcome.answer().body().path("revision").asLong()
                : -1;
        episode.record(new Episode.Write(marker, lines, outcome.ack(), revision), id);
        return outcome;
    }

    private void write(Episode episode, String marker, int lines, byte[] body) throws InterruptedException {
        long started = System.nanoTime();
        Attempts.Outcome outcome = write(api, episode, marker, lines, body, writeDeadline);
        availability.record(Availability.Kind.WRITE, started, outcome);
    }

    private void delete(Episode episode) throws InterruptedException {
        long started = System.nanoTime();
        Attempts.Outcome outcome = Attempts.until(writeDeadline, () -> api.delete(episode.id()));
        availability.record(Availability.Kind.WRITE, started, outcome);
        long revision = outcome.ack() == Attempts.Ack.ACKED
                ? outcome.answer().body().path("revision").asLong()
                : -1;
        episode.record(new Episode.Write(null, 0, outcome.ack(), revision), null);
    }

    /** Writes {@code name.json.part} and renames it, as the drop folder asks; the file is then the system's. */
    private void drop(Episode episode) {
        String marker = Transcripts.marker(random);
        Path part = incoming.resolve(episode.externalId() + ".json.part");
        try {
            Files.write(part, Transcripts.unparseable(marker));
            Files.move(part, incoming.resolve(episode.externalId() + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        episode.record(new Episode.Write(marker, 0, Attempts.Ack.ACKED, 0), null);
    }
}
