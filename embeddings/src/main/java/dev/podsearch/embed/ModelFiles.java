package dev.podsearch.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.logging.Logger;

/**
 * Extracts a model's files from its jar into a cache directory once, so ONNX Runtime maps them from disk instead of
 * the model being copied onto the Java heap. A file already there with the resource's size is reused; a new one is
 * written to a temporary file and renamed atomically, so a crash or a concurrent start never leaves half a model.
 */
public final class ModelFiles {

    public record Paths(Path model, Path tokenizer) {}

    /** A plain logger, not Quarkus's static Log: the benchmarks load models outside Quarkus. */
    private static final Logger LOG = Logger.getLogger(ModelFiles.class);

    private ModelFiles() {}

    public static Paths extract(ModelKind kind, Path cacheDir) {
        Path dir = cacheDir.resolve(kind.configName());
        return new Paths(extractOne(kind.modelResource(), dir), extractOne(kind.tokenizerResource(), dir));
    }

    static Path extractOne(String resource, Path dir) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            url = ModelFiles.class.getClassLoader().getResource(resource);
        }
        if (url == null) {
            throw new IllegalStateException("model resource " + resource + " is not on the classpath");
        }
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(resource);
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                LOG.debugf("embedding model file %s reused", target);
                return target;
            }
            Path temp = Files.createTempFile(dir, resource, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            LOG.infof("embedding model file %s extracted (%d bytes)", target, Files.size(target));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource + " to " + dir, e);
        }
    }
}
