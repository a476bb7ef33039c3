package dev.podsearch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches pinned files from a repository (Maven Central, a Debian mirror) into the stack's cache, once.
 *
 * <p>A file is written as {@code <name>.part}, checked against its pinned SHA-256 and only then moved into place, so a
 * half-finished or corrupted download is never used. A file lock keeps two processes from fetching the same file.
 */
final class Downloader {

    static final String DEFAULT_REPOSITORY = "https://repo.maven.apache.org/maven2";

    private final Path cacheDir;
    private final String repository;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    Downloader(Path cacheDir, String repository) {
        this.cacheDir = cacheDir;
        this.repository = repository.endsWith("/") ? repository.substring(0, repository.length() - 1) : repository;
    }

    Path fetch(PinnedArtifact artifact) {
        return fetch(artifact.repositoryPath(), artifact.sha256());
    }

    /** Fetches {@code path} (below the repository root, its last segment the file name) with the given SHA-256. */
    Path fetch(String path, String expectedSha256) {
        Path target = cacheDir.resolve(path);
        String fileName = target.getFileName().toString();
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel lockFile = FileChannel.open(
                            target.resolveSibling(fileName + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.isRegularFile(target)) {
                    download(path, expectedSha256, target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + fileName + " from " + repository, e);
        }
    }

    private void download(String path, String expectedSha256, Path target) throws IOException {
        String fileName = target.getFileName().toString();
        URI uri = URI.create(repository + "/" + path.replace("+", "%2B"));
        Path part = target.resolveSibling(fileName + ".part");
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Progress progress = new Progress(fileName, length);
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(response.body(), sha256);
                OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                progress.advance(read);
            }
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expectedSha256)) {
            Files.deleteIfExists(part);
            throw new IOException("checksum mismatch for " + uri + ": expected SHA-256 " + expectedSha256 + " but got "
                    + actual + " (the download was discarded)");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        progress.done();
    }

    static String sha256Of(Path file) {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a line every tenth of the file (or every 5 MB when the size is unknown). */
    private static final class Progress {
        private final String name;
        private final long total;
        private final long started = System.nanoTime();
        private long received;
        private long nextReport;

        Progress(String name, long total) {
            this.name = name;
            this.total = total;
            this.nextReport = step();
            StackLog.info("downloading %s%s", name, total > 0 ? " (" + megabytes(total) + ")" : "");
        }

        private long step() {
            return total > 0 ? Math.max(total / 10, 1) : 5L << 20;
        }

        void advance(int bytes) {
            received += bytes;
            if (received >= nextReport && (total <= 0 || received < total)) {
                nextReport += step();
                StackLog.info(
                        "  %s: %s%s",
                        name,
                        megabytes(received),
                        total > 0 ? " of " + megabytes(total) + " (" + (received * 100 / total) + "%)" : "");
            }
        }

        void done() {
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
            StackLog.info("  %s: %s in %.1f s, SHA-256 verified", name, megabytes(received), seconds);
        }

        private static String megabytes(long bytes) {
            return String.format("%.1f MB", bytes / 1_048_576.0);
        }
    }
}
