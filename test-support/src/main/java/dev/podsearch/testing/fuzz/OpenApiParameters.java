package dev.podsearch.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.rest.ResourceMethod;
import dev.podsearch.testing.management.ManagementPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters each resource method reads (its {@code @QueryParam}s, found by reflection) against those its
 * operation in the served OpenAPI document lists: a parameter read but not documented is one no client learns of; one
 * documented but not read is silently ignored.
 */
public final class OpenApiParameters {

    private OpenApiParameters() {}

    /** Each difference, as {@code "GET /v1/x reads [a] not documented"}; empty when the document matches the code. */
    public static List<String> differences(List<ResourceMethod> methods) {
        JsonNode api = document();
        List<String> differences = new ArrayList<>();
        for (ResourceMethod method : methods) {
            String where = method.httpMethod() + " " + method.path();
            JsonNode operation = api.path("paths")
                    .path(method.path())
                    .path(method.httpMethod().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                differences.add(where + " is not in the OpenAPI document");
                continue;
            }
            Set<String> documented = new TreeSet<>();
            for (JsonNode parameter : operation.path("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    documented.add(parameter.path("name").asText());
                }
            }
            Set<String> read = new TreeSet<>(method.queryParameters());
            Set<String> undocumented = new TreeSet<>(read);
            undocumented.removeAll(documented);
            Set<String> unread = new TreeSet<>(documented);
            unread.removeAll(read);
            if (!undocumented.isEmpty()) {
                differences.add(where + " reads " + undocumented + " but does not document them");
            }
            if (!unread.isEmpty()) {
                differences.add(where + " documents " + unread + " but does not read them");
            }
        }
        return differences;
    }

    /** The service's published OpenAPI document ({@code /q/openapi}, on the running test application's management port). */
    public static JsonNode document() {
        try {
            return new ObjectMapper()
                    .readTree(ManagementPort.openApi().extract().asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
