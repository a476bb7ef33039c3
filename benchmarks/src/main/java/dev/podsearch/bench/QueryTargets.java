package dev.podsearch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where {@code bench query} sends its mix ({@link QueryMix}) when there are several service instances and engine
 * nodes (the cluster): each list takes the instances (or nodes) in turn, search by search, so a run over it spreads
 * evenly. With one instance and one node every list is the plain mix.
 *
 * @param direct the engine side of the 1-client pairs: the first node only, each search as often as the service side
 *     has it (once per instance), so the pairs stay the same search
 * @param direct16 the engine side at 16 clients: every node in turn
 */
record QueryTargets(
        List<Call> direct,
        List<Call> direct16,
        List<Call> keyword,
        List<Call> hybrid,
        List<Call> suggest,
        List<String> services) {

    static QueryTargets of(List<String> engineNodes, List<String> services) {
        return new QueryTargets(
                interleave(Collections.nCopies(services.size(), QueryMix.direct(engineNodes.getFirst()))),
                interleave(engineNodes.stream().map(QueryMix::direct).toList()),
                interleave(services.stream()
                        .map(url -> QueryMix.service(url, "keyword"))
                        .toList()),
                interleave(services.stream()
                        .map(url -> QueryMix.service(url, "hybrid"))
                        .toList()),
                interleave(services.stream().map(QueryMix::suggest).toList()),
                List.copyOf(services));
    }

    /** Searches of these words in {@code mode}, each once: the k-th to the k-th instance in turn. */
    List<Call> words(String mode, List<String> texts) {
        List<Call> calls = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            calls.addAll(QueryMix.words(services.get(k % services.size()), mode, texts.subList(k, k + 1)));
        }
        return calls;
    }

    /** The first call of every list, then the second of every list, and so on (lists of one length). */
    static List<Call> interleave(List<List<Call>> lists) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < lists.getFirst().size(); i++) {
            for (List<Call> list : lists) {
                calls.add(list.get(i));
            }
        }
        return calls;
    }
}
