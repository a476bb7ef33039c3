package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.podsearch.stack.Kubectl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One overlay rendered by kustomize: the objects {@code kubectl kustomize <overlay>} prints, as JSON trees. */
record Manifests(String overlay, List<ObjectNode> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The repository root (the build passes it; a test run from an IDE in the module directory finds it too). */
    static Path repo() {
        String configured = System.getProperty("podsearch.repo");
        return Path.of(configured != null ? configured : "..").toAbsolutePath().normalize();
    }

    /** {@code deploy/k8s} of the repository. */
    static Path k8s() {
        return repo().resolve("deploy/k8s");
    }

    /** Renders {@code <k8sRoot>/overlays/<overlay>} with kustomize. */
    static Manifests render(Path k8sRoot, String overlay) {
        Path dir = k8sRoot.resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no overlay " + dir);
        }
        return new Manifests(overlay, parse(kustomize(dir)));
    }

    static String kustomize(Path dir) {
        try {
            // stderr to a file: read after stdout, a pipe could fill and stall kubectl
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(Kubectl.executable().toString(), "kustomize", dir.toString())
                        .redirectError(errors.toFile())
                        .start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                            + Files.readString(errors).strip());
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(yaml)) {
            for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (node instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kustomize printed YAML that does not parse", e);
        }
        return List.copyOf(objects);
    }

    Stream<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** {@code Kind/name}, how problems name an object. */
    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    /** Copies a directory tree (for tests that break a copy of the manifests). */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
