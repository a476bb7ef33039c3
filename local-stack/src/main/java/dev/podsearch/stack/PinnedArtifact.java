package dev.podsearch.stack;

/** A Maven Central artifact the stack needs, with the SHA-256 it must have. */
record PinnedArtifact(
        String groupId, String artifactId, String version, String classifier, String type, String sha256) {

    /** Parses {@code group:artifact:version[:classifier]:type}. */
    static PinnedArtifact parse(String coordinates, String sha256) {
        String[] parts = coordinates.split(":");
        if (parts.length != 4 && parts.length != 5) {
            throw new IllegalArgumentException("not group:artifact:version[:classifier]:type: " + coordinates);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 for " + coordinates + ": " + sha256);
        }
        String classifier = parts.length == 5 ? parts[3] : null;
        return new PinnedArtifact(parts[0], parts[1], parts[2], classifier, parts[parts.length - 1], sha256);
    }

    String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
    }

    /** The path below a Maven repository root. */
    String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }
}
