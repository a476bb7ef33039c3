package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OpenSearch 3.6 integ-test distribution with the k-NN plugin installed: unpacked and set up once into the stack
 * home's dist folder, shared by every node any stack starts ({@link OpenSearchServer}).
 */
final class OpenSearchDistribution {

    private OpenSearchDistribution() {}

    /** The distribution with the k-NN plugin installed, unpacked once into the stack's dist folder. */
    static Path unpacked(StackHome home, Path javaHome) {
        ArtifactLock lock = ArtifactLock.load();
        PinnedArtifact server = lock.single("opensearch");
        PinnedArtifact knn = lock.single("opensearch-knn");
        Path target = home.dist().resolve("opensearch-" + server.version() + "-knn-" + knn.version());
        if (Files.isDirectory(target)) {
            return target;
        }
        Downloader downloader = new Downloader(home.downloads(), StackMain.repository());
        Path zip = downloader.fetch(server);
        Path plugin = downloader.fetch(knn);
        Path staging = home.dist()
                .resolve(target.getFileName() + ".unpacking-"
                        + ProcessHandle.current().pid());
        try {
            StackLog.info("unpacking %s", zip.getFileName());
            Archives.unzip(zip, staging);
            Path root;
            try (Stream<Path> children = Files.list(staging)) {
                root = children.filter(Files::isDirectory)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(zip + " holds no top-level folder"));
            }
            StackLog.info("installing the k-NN plugin %s", knn.version());
            Path log = staging.resolve("plugin-install.log");
            List<String> install = List.of(
                    root.resolve("bin/opensearch-plugin").toString(),
                    "install",
                    "--batch",
                    plugin.toUri().toString());
            ProcessBuilder builder = new ProcessBuilder(install)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(root.toFile());
            builder.environment().put("OPENSEARCH_JAVA_HOME", javaHome.toString());
            Process installer = builder.start();
            if (installer.waitFor() != 0) {
                throw new IllegalStateException("installing the k-NN plugin failed; last lines of " + log + ":\n"
                        + ManagedProcess.tail(log, 25));
            }
            Files.move(root, target);
            Archives.deleteTree(staging);
        } catch (IOException e) {
            Archives.deleteTree(staging);
            if (Files.isDirectory(target)) {
                return target;
            }
            throw new UncheckedIOException("cannot unpack " + zip, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the k-NN plugin", e);
        }
        return target;
    }

    /** Copies a folder's tree (each node gets its own copy of the distribution's config). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
