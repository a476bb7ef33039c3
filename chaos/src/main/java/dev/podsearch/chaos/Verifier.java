package dev.podsearch.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Judges one episode through the public API only: a quoted keyword search for each marker it ever had (which episodes
 * it finds), its episode document's revision on query-service, its status on ingest-service. An acknowledged episode
 * must be found exactly once, by its latest revision's marker only, at that revision; a deleted one by none. When its
 * last write's outcome is unknown, either state (before or after that write) is right.
 */
final class Verifier {

    private final Api api;
    private final PoisonCheck poison;

    Verifier(Api api, PoisonCheck poison) {
        this.api = api;
        this.poison = poison;
    }

    Verdict judge(Episode episode) throws IOException, InterruptedException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String marker : episode.markers()) {
            found.put(marker, episodesFound(marker));
        }
        for (Map.Entry<String, List<String>> hit : found.entrySet()) {
            if (hit.getValue().size() > 1) {
                return Verdict.of(Verdict.Kind.DUPLICATED, hit.getKey() + " found in " + hit.getValue());
            }
        }
        Set<String> seen = found.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
        switch (episode.kind()) {
            case POISON_UPLOAD, POISON_DROP -> {
                return poison.judge(episode, seen);
            }
            default -> {
                return judgeEpisode(episode, found, seen);
            }
        }
    }

    private Verdict judgeEpisode(Episode episode, Map<String, List<String>> found, Set<String> seen)
            throws IOException, InterruptedException {
        Episode.Write acked = episode.lastAcked().orElse(null);
        Episode.Write unknown = episode.unknownWrite().orElse(null);
        if (acked == null && unknown == null) {
            return Verdict.of(Verdict.Kind.NOT_ACKNOWLEDGED);
        }
        // the states it may be in: after its last acknowledged write, and after the unknown one
        List<String> allowed = new ArrayList<>();
        allowed.add(acked == null || acked.isDelete() ? null : acked.marker());
        if (unknown != null) {
            allowed.add(unknown.isDelete() ? null : unknown.marker());
        }
        for (String marker : allowed) {
            if (marker == null ? seen.isEmpty() : seen.equals(Set.of(marker)) && sameEpisode(episode, found, marker)) {
                if (unknown != null) {
                    return Verdict.of(Verdict.Kind.UNKNOWN_OK);
                }
                return marker == null ? Verdict.of(Verdict.Kind.OK) : atRevision(episode, acked);
            }
        }
        Set<String> unexpected = new java.util.HashSet<>(seen);
        allowed.forEach(unexpected::remove);
        if (seen.size() > 1) { // two revisions findable at once: one of them was replaced
            return Verdict.of(Verdict.Kind.STALE, "found by " + seen + ", expected one of " + allowed);
        }
        if (!unexpected.isEmpty()) {
            return Verdict.of(Verdict.Kind.STALE, "found by " + unexpected + ", expected only " + allowed);
        }
        return Verdict.of(Verdict.Kind.LOST, "expected " + allowed + " and found " + seen);
    }

    private static boolean sameEpisode(Episode episode, Map<String, List<String>> found, String marker) {
        return episode.id() == null || found.get(marker).equals(List.of(episode.id()));
    }

    /** The episode document is at the acknowledged revision (not an older one left behind). */
    private Verdict atRevision(Episode episode, Episode.Write acked) throws IOException, InterruptedException {
        Api.Answer answer = api.episode(episode.id());
        long revision = answer.ok() ? answer.body().path("revision").asLong(-1) : -1;
        if (revision != acked.revision()) {
            return Verdict.of(
                    Verdict.Kind.STALE,
                    "episode " + episode.id() + " at revision " + revision + ", acknowledged " + acked.revision());
        }
        return Verdict.of(Verdict.Kind.OK);
    }

    private List<String> episodesFound(String marker) throws IOException, InterruptedException {
        Api.Answer answer = api.search(marker);
        if (!answer.ok()) {
            throw new IOException("search answered " + answer.status());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode result : answer.body().path("results")) {
            ids.add(Objects.requireNonNull(result.path("episode").path("id").asText(null)));
        }
        return ids;
    }
}
