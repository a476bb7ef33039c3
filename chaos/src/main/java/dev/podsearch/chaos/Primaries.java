package dev.podsearch.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the primaries of the search indices are, from OpenSearch's {@code GET _cat/shards?format=json} (one object
 * per shard copy: {@code index}, {@code shard}, {@code prirep} "p" or "r", {@code state}, {@code node}). Only the
 * moments and episodes indices count (their concrete names, e.g. {@code moments-v1}).
 */
final class Primaries {

    private Primaries() {}

    /** Whether a shard copy belongs to the moments or episodes index. */
    static boolean searched(JsonNode shard) {
        String index = shard.path("index").asText();
        return index.startsWith("moments") || index.startsWith("episodes");
    }

    /** How many started primaries of the search indices each node holds, by node name. */
    static Map<String, Integer> byNode(JsonNode shards) {
        Map<String, Integer> count = new TreeMap<>();
        for (JsonNode shard : shards) {
            if (searched(shard)
                    && shard.path("prirep").asText().equals("p")
                    && shard.path("state").asText().equals("STARTED")) {
                count.merge(shard.path("node").asText(), 1, Integer::sum);
            }
        }
        return count;
    }

    /** The node holding the most primaries of the search indices (of equals, the first by name). */
    static String holder(JsonNode shards) {
        Map<String, Integer> count = byNode(shards);
        return count.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no started primary of moments or episodes in " + shards));
    }

    /**
     * Whether every shard of the search indices that {@code gone} held a primary of has a started primary elsewhere
     * now: a replica was promoted. A shard with no started primary at all is not.
     */
    static boolean promotedAwayFrom(JsonNode shards, String gone) {
        Set<String> all = new HashSet<>();
        Set<String> served = new HashSet<>();
        for (JsonNode shard : shards) {
            if (!searched(shard)) {
                continue;
            }
            String id = shard.path("index").asText() + "/" + shard.path("shard").asText();
            all.add(id);
            if (shard.path("prirep").asText().equals("p")
                    && shard.path("state").asText().equals("STARTED")
                    && !shard.path("node").asText().equals(gone)) {
                served.add(id);
            }
        }
        return !all.isEmpty() && served.containsAll(all);
    }

    /** The node's number (from 0) from its name, {@code opensearch-2} is 1. */
    static int nodeNumber(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)) - 1;
    }
}
