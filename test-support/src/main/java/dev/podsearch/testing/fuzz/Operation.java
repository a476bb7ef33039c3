package dev.podsearch.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One operation of an OpenAPI document: its parameters and what body it takes; {@code documented} is the name of every
 * parameter and body field the document gives, what a 400 may name.
 */
record Operation(
        String method,
        String path,
        List<Param> pathParams,
        List<Param> queryParams,
        boolean jsonBody,
        List<String> bodyFields,
        String rawBody,
        List<String> documented) {

    record Param(String name, boolean required, String example) {}

    static Operation of(String method, String path, JsonNode operation, JsonNode api) {
        List<Param> pathParams = new ArrayList<>();
        List<Param> queryParams = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter, api);
            Param param = new Param(
                    resolved.path("name").asText(),
                    resolved.path("required").asBoolean(false),
                    resolved.hasNonNull("example") ? resolved.get("example").asText() : null);
            documented.add(param.name());
            switch (resolved.path("in").asText()) {
                case "path" -> pathParams.add(param);
                case "query" -> queryParams.add(param);
                default -> {
                    // headers are not fuzzed here
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        boolean json = content.has("application/json");
        List<String> fields = new ArrayList<>();
        if (json) {
            JsonNode schema = resolve(content.path("application/json").path("schema"), api);
            for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
                documented.add(fields.getLast());
            }
        }
        String raw = null;
        if (!json) {
            for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
                String type = types.next();
                if (!type.startsWith("multipart/")) {
                    raw = type;
                    break;
                }
            }
        }
        return new Operation(method, path, pathParams, queryParams, json, fields, raw, documented);
    }

    private static JsonNode resolve(JsonNode node, JsonNode api) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 5; depth++) {
            String ref = current.get("$ref").asText(); // #/components/schemas/Name
            current = api.at(ref.substring(1));
        }
        return current;
    }
}
