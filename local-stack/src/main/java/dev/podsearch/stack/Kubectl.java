package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

/**
 * kubectl (with its built-in kustomize) for the deployment tests, provisioned like the servers: the pinned package of
 * Debian's {@code kubernetes-client}, fetched from a Debian mirror, checked against its SHA-256 and unpacked into the
 * stack's cache (a static binary: nothing is installed on the machine, no root needed).
 *
 * <p>{@code PODSEARCH_KUBECTL} (or {@code -Dpodsearch.kubectl}) names a kubectl to use instead; {@code
 * PODSEARCH_DEBIAN_MIRROR} a mirror other than {@code http://deb.debian.org/debian}.
 */
public final class Kubectl {

    static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";

    /** Debian 12's kubernetes-client: kubectl 1.20.2 with kustomize v2.0.3. */
    static final String PACKAGE = "pool/main/k/kubernetes/kubernetes-client_1.20.5+really1.20.2-1.1+deb12u1_amd64.deb";

    static final String PACKAGE_SHA256 = "087c42dc26c847740043cdaa8b16db666be5591a1da957f822922aa1b677494e";

    private Kubectl() {}

    /** The kubectl executable: the configured one, else the pinned Debian package's, provisioned on first use. */
    public static Path executable() {
        String configured = StackHome.setting("podsearch.kubectl", "PODSEARCH_KUBECTL");
        if (configured != null) {
            return Path.of(configured);
        }
        String mirror = StackHome.settingOr("podsearch.debian.mirror", "PODSEARCH_DEBIAN_MIRROR", DEFAULT_MIRROR);
        return provision(StackHome.resolve(), mirror, PACKAGE, PACKAGE_SHA256);
    }

    /** The kubectl of the package at {@code path} below {@code mirror}, fetched and unpacked once. */
    static Path provision(StackHome home, String mirror, String path, String sha256) {
        String version = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.deb$", "");
        Path binary = home.dist().resolve(version).resolve("kubectl");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Path deb = new Downloader(home.downloads().resolve("debian"), mirror).fetch(path, sha256);
        try {
            extractKubectl(deb, binary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack kubectl from " + deb, e);
        }
        return binary;
    }

    /** A .deb is an ar archive; kubectl is {@code ./usr/bin/kubectl} in its {@code data.tar.xz}. */
    private static void extractKubectl(Path deb, Path binary) throws IOException {
        Path unpacked = binary.getParent().resolveSibling(binary.getParent().getFileName() + ".unpacking");
        Archives.deleteTree(unpacked);
        try (ArArchiveInputStream ar = new ArArchiveInputStream(Files.newInputStream(deb))) {
            ArArchiveEntry entry;
            while ((entry = ar.getNextEntry()) != null) {
                if (entry.getName().equals("data.tar.xz")) {
                    Archives.untarXz(ar, unpacked);
                    break;
                }
            }
        }
        Path kubectl = unpacked.resolve("usr/bin/kubectl");
        if (!Files.isExecutable(kubectl)) {
            throw new IOException(deb + " has no executable usr/bin/kubectl");
        }
        Files.createDirectories(binary.getParent());
        Files.move(kubectl, binary.resolveSibling("kubectl.new"));
        Files.move(binary.resolveSibling("kubectl.new"), binary, StandardCopyOption.ATOMIC_MOVE);
        Archives.deleteTree(unpacked);
    }
}
