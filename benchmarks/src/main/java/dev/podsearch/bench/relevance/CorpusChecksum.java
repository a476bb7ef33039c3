package dev.podsearch.bench.relevance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The judged corpus's fingerprint: SHA-256 over the bytes of {@code episodes/*.txt} in name order, then
 * {@code episodes.json}, then {@code queries.tsv}, concatenated; the same as
 * {@code LC_ALL=C cat episodes/*.txt episodes.json queries.tsv | sha256sum} in the corpus directory. {@code HISTORY.md}
 * beside the files records every version's checksum; the last one recorded is the current corpus.
 */
public final class CorpusChecksum {

    public static final String HISTORY = "HISTORY.md";

    private static final Pattern SHA256 = Pattern.compile("\\b[0-9a-f]{64}\\b");

    private CorpusChecksum() {}

    public static String of(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> episodes = Files.list(dir.resolve("episodes"))) {
            episodes.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .forEach(files::add);
        }
        files.add(dir.resolve("episodes.json"));
        files.add(dir.resolve("queries.tsv"));
        MessageDigest digest = sha256();
        for (Path file : files) {
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The last checksum {@code HISTORY.md} in the directory records; empty when there is no such file or checksum. */
    public static Optional<String> lastRecorded(Path dir) throws IOException {
        Path history = dir.resolve(HISTORY);
        if (!Files.isReadable(history)) {
            return Optional.empty();
        }
        Matcher m = SHA256.matcher(Files.readString(history));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return Optional.ofNullable(last);
    }

    /** The line the report opens with: the checksum and whether it is the corpus HISTORY.md records last. */
    static String line(Path dir) throws IOException {
        String sum = of(dir);
        Optional<String> recorded = lastRecorded(dir);
        String status = recorded.isEmpty()
                ? "no checksum recorded in " + HISTORY + ": not the frozen corpus"
                : recorded.get().equals(sum)
                        ? "the frozen corpus, as " + HISTORY + " records last"
                        : "NOT the frozen corpus: " + HISTORY + " records " + recorded.get() + " last";
        return "corpus sha256 " + sum + " (" + status + ")";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
