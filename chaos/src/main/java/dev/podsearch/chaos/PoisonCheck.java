package dev.podsearch.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Poison must end visibly failed, with its reason, and leave nothing findable: an upload the indexer refused is
 * {@code FAILED} with a {@code statusReason}; an unparseable file is in the drop folder's {@code failed/} beside its
 * {@code .error.json} problem, which has a {@code detail}.
 */
final class PoisonCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final Path dropDir;

    PoisonCheck(Api api, Path dropDir) {
        this.api = api;
        this.dropDir = dropDir;
    }

    Verdict judge(Episode episode, Set<String> markersFound) throws IOException, InterruptedException {
        if (!markersFound.isEmpty()) {
            return Verdict.of(Verdict.Kind.POISON_WRONG, "poison found by search: " + markersFound);
        }
        if (episode.kind() == Episode.Kind.POISON_DROP) {
            return judgeDropped(episode);
        }
        if (episode.id() == null) {
            return Verdict.of(Verdict.Kind.NOT_ACKNOWLEDGED);
        }
        Api.Answer answer = api.status(episode.id());
        String status = answer.ok() ? answer.body().path("status").asText() : "HTTP " + answer.status();
        String reason = answer.ok() ? answer.body().path("statusReason").asText("") : "";
        if (!status.equals("FAILED") || reason.isBlank()) {
            return Verdict.of(
                    Verdict.Kind.POISON_WRONG,
                    "upload " + episode.id() + " is " + status + " (reason '" + reason + "')");
        }
        return Verdict.of(Verdict.Kind.POISON_OK);
    }

    private Verdict judgeDropped(Episode episode) throws IOException {
        String name = episode.externalId() + ".json";
        Path failed = dropDir.resolve("failed").resolve(name);
        Path problem = dropDir.resolve("failed").resolve(name + ".error.json");
        if (!Files.exists(failed) || !Files.exists(problem)) {
            return Verdict.of(Verdict.Kind.POISON_WRONG, name + " is not in failed/ with its problem");
        }
        JsonNode details = JSON.readTree(problem.toFile());
        if (details.path("detail").asText("").isBlank()) {
            return Verdict.of(Verdict.Kind.POISON_WRONG, problem + " has no detail");
        }
        return Verdict.of(Verdict.Kind.POISON_OK);
    }
}
