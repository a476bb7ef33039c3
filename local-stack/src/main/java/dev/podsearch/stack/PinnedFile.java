package dev.podsearch.stack;

/**
 * A file of a package registry other than Maven Central (a Debian package, an npm tarball) with the SHA-256 it must
 * have: {@code <registry>:<path below the registry root>} in {@code stack/artifacts.lock}.
 */
record PinnedFile(String registry, String path, String sha256) {

    static final String DEBIAN = "debian";
    static final String DEBIAN_SECURITY = "debian-security";
    static final String NPM = "npm";

    static boolean isPinnedFile(String coordinates) {
        return coordinates.startsWith(DEBIAN + ":")
                || coordinates.startsWith(DEBIAN_SECURITY + ":")
                || coordinates.startsWith(NPM + ":");
    }

    static PinnedFile parse(String coordinates, String sha256) {
        int colon = coordinates.indexOf(':');
        if (colon < 0 || !isPinnedFile(coordinates)) {
            throw new IllegalArgumentException("not debian:, debian-security: or npm:<path>: " + coordinates);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 for " + coordinates + ": " + sha256);
        }
        return new PinnedFile(coordinates.substring(0, colon), coordinates.substring(colon + 1), sha256);
    }

    /** The registry's root URL: Debian's mirrors ({@code PODSEARCH_DEBIAN_MIRROR}) or npm's registry. */
    String repository() {
        String debian =
                StackHome.settingOr("podsearch.debian.mirror", "PODSEARCH_DEBIAN_MIRROR", Kubectl.DEFAULT_MIRROR);
        return switch (registry) {
            case DEBIAN -> debian;
            case DEBIAN_SECURITY ->
                StackHome.settingOr(
                        "podsearch.debian.security.mirror", "PODSEARCH_DEBIAN_SECURITY_MIRROR", debian + "-security");
            case NPM ->
                StackHome.settingOr("podsearch.npm.registry", "PODSEARCH_NPM_REGISTRY", "https://registry.npmjs.org");
            default -> throw new IllegalStateException("unknown registry " + registry);
        };
    }

    /** The file name: the path's last segment. */
    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Fetched into the stack's cache once, checked against the pin. */
    java.nio.file.Path fetch(StackHome home) {
        return new Downloader(home.downloads().resolve(registry), repository()).fetch(path, sha256);
    }
}
