package dev.podsearch.bench.relevance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Reads {@code queries.tsv}: a header line, {@code #} comments, then {@code id kind split query episode at}. */
public final class Judgments {

    public static final Set<String> KINDS =
            Set.of("keyword", "natural", "paraphrase", "asr", "metadata", "phrase", "typo", "dotted", Judgment.NONE);

    private Judgments() {}

    public static List<Judgment> read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    public static List<Judgment> parse(List<String> lines) {
        List<Judgment> judgments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 6 tab-separated fields: " + line);
            }
            if (!KINDS.contains(f[1]) || !Set.of("tune", "holdout").contains(f[2])) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown kind or split: " + line);
            }
            judgments.add(new Judgment(f[0], f[1], f[2], f[3], f[4], time(f[5])));
        }
        return judgments;
    }

    /** {@code HH:MM:SS} as milliseconds; empty when the field is. */
    static OptionalLong time(String hms) {
        if (hms.isBlank()) {
            return OptionalLong.empty();
        }
        String[] p = hms.split(":");
        return OptionalLong.of((Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2])) * 1000);
    }
}
