package dev.podsearch.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pinned artifacts of each component, read from {@code stack/artifacts.lock}. */
final class ArtifactLock {

    private static final String RESOURCE = "/stack/artifacts.lock";

    private final Map<String, List<PinnedArtifact>> byComponent;
    private final Map<String, List<PinnedFile>> filesByComponent;

    private ArtifactLock(
            Map<String, List<PinnedArtifact>> byComponent, Map<String, List<PinnedFile>> filesByComponent) {
        this.byComponent = byComponent;
        this.filesByComponent = filesByComponent;
    }

    static ArtifactLock load() {
        try (InputStream in = ArtifactLock.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArtifactLock parse(BufferedReader reader) throws IOException {
        Map<String, List<PinnedArtifact>> byComponent = new LinkedHashMap<>();
        Map<String, List<PinnedFile>> filesByComponent = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalStateException(
                        RESOURCE + " line " + number + ": expected 3 fields, found " + fields.length);
            }
            if (PinnedFile.isPinnedFile(fields[1])) {
                filesByComponent
                        .computeIfAbsent(fields[0], k -> new ArrayList<>())
                        .add(PinnedFile.parse(fields[1], fields[2]));
            } else {
                byComponent
                        .computeIfAbsent(fields[0], k -> new ArrayList<>())
                        .add(PinnedArtifact.parse(fields[1], fields[2]));
            }
        }
        return new ArtifactLock(byComponent, filesByComponent);
    }

    List<PinnedArtifact> component(String name) {
        List<PinnedArtifact> artifacts = byComponent.get(name);
        if (artifacts == null) {
            throw new IllegalStateException(RESOURCE + " pins no artifact for " + name);
        }
        return artifacts;
    }

    /** The Debian packages or npm tarballs pinned for a component. */
    List<PinnedFile> files(String name) {
        List<PinnedFile> files = filesByComponent.get(name);
        if (files == null) {
            throw new IllegalStateException(RESOURCE + " pins no file for " + name);
        }
        return files;
    }

    PinnedArtifact single(String name) {
        List<PinnedArtifact> artifacts = component(name);
        if (artifacts.size() != 1) {
            throw new IllegalStateException(RESOURCE + " pins " + artifacts.size() + " artifacts for " + name);
        }
        return artifacts.getFirst();
    }
}
