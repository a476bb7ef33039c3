package dev.podsearch.query.search;

import dev.podsearch.search.Hubness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The query of the meaning list: moments near the query's vector, scored by their closeness less their <em>hubness</em>,
 * and kept only above the meaning floor.
 *
 * <p>A moment that resembles many others of its episode (an introduction listing the episode's topics, a recap) is
 * near every query about any of them, and near off-topic queries that merely share the register; cross-domain
 * similarity local scaling (CSLS, Conneau et al. 2018) corrects for that by subtracting how close the item is to its
 * own nearest neighbours. The embed stage stores that per moment ({@link Hubness}: the mean cosine to its 10 nearest
 * moments of the same episode); this query scores {@code (1 + cosine) / 2 - hubness / 4}, which is {@code (1 + cosine -
 * hubness / 2) / 2}: the engine's k-NN score of the CSLS-corrected cosine. On the judged corpus the correction keeps the
 * same share of paraphrases as the plain cosine at a floor that turns away more off-topic queries, and it picks the
 * moment that discusses a topic over the introduction that names it (docs/benchmarks.md, Relevance).
 *
 * <p>The engine runs a radial k-NN search (every moment at least {@code floor + }{@link Hubness#MIN}{@code / 4} close:
 * no corrected score can reach the floor below that) under the filters, rescored by a script, with the request's
 * {@code min_score} at the floor. A moment embedded before hubness was stored counts {@link Hubness#TYPICAL}.
 */
final class MeaningQuery {

    /** The field of a moment's vector. */
    static final String VECTOR = "embedding";

    private static final String SCRIPT = "double h = doc['" + Hubness.FIELD + "'].size() == 0 ? params.typical"
            + " : Math.max(doc['" + Hubness.FIELD + "'].value, params.min); return _score - params.weight * h;";

    private MeaningQuery() {}

    /**
     * The rescored radial k-NN query; the request that runs it sets {@code min_score} to {@code floor}.
     *
     * @param floor the corrected k-NN score a moment must reach ({@code query.meaning-floor})
     */
    static Query of(float[] vector, Query filter, double floor) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        float radius = (float) (floor + Hubness.WEIGHT * Hubness.MIN);
        return Query.of(q -> q.scriptScore(s -> s.query(k -> k.knn(
                        n -> n.field(VECTOR).vector(values).minScore(radius).filter(filter)))
                .script(c -> c.inline(i -> i.source(SCRIPT)
                        .params(Map.of(
                                "typical",
                                JsonData.of(Hubness.TYPICAL),
                                "min",
                                JsonData.of(Hubness.MIN),
                                "weight",
                                JsonData.of(Hubness.WEIGHT)))))));
    }
}
