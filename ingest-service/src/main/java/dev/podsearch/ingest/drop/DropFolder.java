package dev.podsearch.ingest.drop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.IngestMetrics;
import dev.podsearch.ingest.IngestResult;
import dev.podsearch.ingest.IngestService;
import dev.podsearch.ingest.Upload;
import dev.podsearch.ingest.UploadLimit;
import dev.podsearch.support.LogFields;
import dev.podsearch.support.Problem;
import dev.podsearch.support.ProblemException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The drop folder: files put into {@code incoming/} are ingested like uploads and end in {@code done/}, or in {@code
 * failed/} beside {@code <name>.error.json} holding the problem the API would have answered.
 *
 * <p>A file is taken only once its size and modification time held still for one scan, and never when it is a
 * dotfile or {@code *.part}. It moves to {@code processing/} first (atomic rename); a restart finds it there and
 * ingests it again, which stores no duplicate because identical content makes no new revision.
 */
@ApplicationScoped
public class DropFolder {

    @Inject
    IngestConfig config;

    @Inject
    IngestService ingest;

    @Inject
    ObjectMapper json;

    @Inject
    IngestMetrics metrics;

    @Inject
    Tracer tracer;

    private final Map<String, String> lastSeen = new HashMap<>();
    private boolean recovered;

    /** The folders exist as soon as the service is up, before the first scan. */
    void createFolders(@Observes StartupEvent event) {
        config.drop().dir().ifPresent(root -> {
            Folders.create(root);
            Log.infof("drop folder: watching %s", root.resolve("incoming").toAbsolutePath());
        });
    }

    @Scheduled(every = "${ingest.drop.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        Optional<Path> root = config.drop().dir();
        if (root.isEmpty()) {
            return;
        }
        Folders folders = Folders.create(root.get());
        if (!recovered) {
            recover(folders);
            recovered = true;
        }
        Map<String, String> seen = new HashMap<>();
        forEachEntry(folders.incoming(), file -> {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || name.endsWith(".part") || Sidecar.isSidecar(file)) {
                return;
            }
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                refuse(
                        folders,
                        file,
                        "only regular files are taken from the drop folder; '" + name
                                + "' is a symbolic link or a directory");
                return;
            }
            String fingerprint = fingerprint(file);
            seen.put(name, fingerprint);
            if (!fingerprint.equals(lastSeen.get(name))) {
                return; // still being written, or first sight: take it once it held still for a scan
            }
            Path claimed = folders.processing().resolve(name);
            try {
                Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
                Optional<Path> sidecar = Sidecar.of(file);
                if (sidecar.isPresent()) {
                    Files.move(
                            sidecar.get(),
                            folders.processing().resolve(sidecar.get().getFileName()),
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                Log.warnf("drop folder: cannot claim %s: %s", file, e.getMessage());
                return;
            }
            process(folders, claimed);
        });
        lastSeen.clear();
        lastSeen.putAll(seen);
    }

    /**
     * Ingests what a previous run left in {@code processing/} (it stopped between claiming a file and finishing it).
     * Identical content makes no new revision, so a file that was already stored is only moved on.
     */
    void recover(Folders folders) {
        forEachEntry(folders.processing(), file -> {
            if (!Sidecar.isSidecar(file)) {
                process(folders, file);
            }
        });
    }

    public void recover() {
        config.drop().dir().map(Folders::create).ifPresent(this::recover);
    }

    /** A file is a request of its own: a root span ("drop-file"), so its episode gets a trace id like an upload. */
    private void process(Folders folders, Path file) {
        Span span = tracer.spanBuilder("drop-file")
                .setNoParent()
                .setAttribute("podsearch.drop.file", file.getFileName().toString())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            ingestFile(folders, file);
        } finally {
            span.end();
        }
    }

    private void ingestFile(Folders folders, Path file) {
        String name = file.getFileName().toString();
        try {
            Optional<Path> sidecar = Sidecar.of(file);
            Sidecar.Metadata meta = sidecar.isPresent() ? Sidecar.read(sidecar.get(), json) : Sidecar.Metadata.NONE;
            byte[] content = read(file);
            IngestResult result =
                    ingest.ingest(new Upload(content, Sidecar.contentType(name), meta.format(), meta.metadata(), null));
            move(file, folders.done().resolve(name));
            if (sidecar.isPresent()) {
                move(sidecar.get(), folders.done().resolve(sidecar.get().getFileName()));
            }
            metrics.dropFile("done");
            try (LogFields fields = LogFields.episode(result.id(), result.revision())) {
                Log.infof("drop folder: %s -> episode %s revision %d", name, result.id(), result.revision());
            }
        } catch (ProblemException e) {
            fail(folders, file, e.problem());
        } catch (IOException | RuntimeException e) {
            // Not the file's fault (database down, ...): it stays in processing/ and is retried after a restart.
            Log.errorf(e, "drop folder: %s could not be ingested now; it stays in %s", name, folders.processing());
        }
    }

    /** The file's content, within ingest.max-upload-bytes: a larger file is refused by its size, without reading it. */
    private byte[] read(Path file) throws IOException {
        long max = config.maxUploadBytes().asLongValue();
        long size = Files.size(file);
        if (size > max) {
            throw new ProblemException(UploadLimit.problem(size, max));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return UploadLimit.read(in, max, 0); // still being appended to: what is past the limit stays unread
        }
    }

    private void refuse(Folders folders, Path file, String detail) {
        fail(folders, file, Problem.of(422, "refused-drop-file", "File refused", detail, Map.of()));
    }

    private void fail(Folders folders, Path file, Problem problem) {
        String name = file.getFileName().toString();
        try {
            move(file, folders.failed().resolve(name));
            Optional<Path> sidecar = Sidecar.of(file);
            if (sidecar.isPresent()) {
                move(sidecar.get(), folders.failed().resolve(sidecar.get().getFileName()));
            }
            Files.write(
                    folders.failed().resolve(name + ".error.json"),
                    json.writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(problem.withInstance(name).body()));
            metrics.dropFile("failed");
            Log.warnf("drop folder: %s failed: %s", name, problem.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String fingerprint(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static void forEachEntry(Path dir, java.util.function.Consumer<Path> action) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(action);
        } catch (IOException e) {
            Log.warnf("drop folder: cannot list %s: %s", dir, e.getMessage());
        }
    }

    record Folders(Path incoming, Path processing, Path done, Path failed) {
        static Folders create(Path root) {
            Folders folders = new Folders(
                    root.resolve("incoming"), root.resolve("processing"), root.resolve("done"), root.resolve("failed"));
            try {
                Files.createDirectories(folders.incoming());
                Files.createDirectories(folders.processing());
                Files.createDirectories(folders.done());
                Files.createDirectories(folders.failed());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the drop folder under " + root, e);
            }
            return folders;
        }
    }
}
