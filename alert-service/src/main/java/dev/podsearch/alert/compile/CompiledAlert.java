package dev.podsearch.alert.compile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What query-service's {@code POST /v1/queries/compile} answered: the query one moment must match, and for mode hybrid
 * the query's vector and the meaning floor (null when the model was not ready: the alert then matches by words only).
 */
public record CompiledAlert(
        String mode,
        JsonNode query,
        JsonNode filter,
        String meaning,
        float[] vector,
        Double floor,
        Double hubnessMinimum,
        Double hubnessTypical,
        Double hubnessWeight,
        String degraded) {}
