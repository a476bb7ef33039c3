package dev.podsearch.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A compiled saved search: the OpenSearch query one moment must match for {@code /v1/search}'s keyword list to find
 * it ({@link MomentCondition}), and for mode hybrid what the meaning list needs: the query's vector and the corrected
 * score it must reach ({@link MeaningQuery}: {@code (1 + cosine) / 2 - max(hubness, hubnessMinimum) * hubnessWeight},
 * a moment without hubness counting {@code hubnessTypical}).
 *
 * @param filter what a moment found by meaning must also match: the phrases, {@code a OR b}, exclusions and filters
 *     (the search applies them to its meaning list too), without the word floor
 * @param degraded for mode hybrid without a vector (the model is not ready): why; the alert matches by words only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The query a moment must match, and for hybrid the query's vector and meaning floor")
public record CompiledQuery(
        String mode,
        @Schema(description = "An OpenSearch query over one moment document") JsonNode query,
        @Schema(description = "What a moment found by meaning must also match (no word floor)") JsonNode filter,
        String meaning,
        float[] vector,
        Double floor,
        Double hubnessMinimum,
        Double hubnessTypical,
        Double hubnessWeight,
        String degraded) {}
