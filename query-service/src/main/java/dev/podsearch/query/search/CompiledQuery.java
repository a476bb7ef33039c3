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
 * @param degraded for mode hybrid without a vector (the model is not ready): why; the alert matches by words only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The query a moment must match, and for hybrid the query's vector and meaning floor")
public record CompiledQuery(
        String mode,
        @Schema(description = "An OpenSearch query over one moment document") JsonNode query,
        String meaning,
        float[] vector,
        Double floor,
        Double hubnessMinimum,
        Double hubnessTypical,
        Double hubnessWeight,
        String degraded) {}
