package dev.podsearch.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one path's answers said about themselves: the service's {@code Server-Timing} ({@code engine;dur=X,
 * service;dur=Y}), the engine's {@code took} as the answer reports it (for a fused search, the sum over its engine
 * searches), and which {@code mode} ran. Read after the call's latency was taken.
 */
final class Answers {

    private final List<Double> engine = new ArrayList<>();
    private final List<Double> service = new ArrayList<>();
    private final List<Double> took = new ArrayList<>();
    private final Map<String, Integer> modes = new TreeMap<>();

    void read(HttpResponse<byte[]> response) {
        response.headers().firstValue("Server-Timing").ifPresent(this::timing);
        if (!response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return;
        }
        try (JsonParser parser = Engine.JSON.createParser(response.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            // the top-level fields before the results (total, took, mode), without reading the rest
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("took") && value.isNumeric()) {
                    took.add(parser.getDoubleValue());
                } else if (name.equals("mode")) {
                    modes.merge(parser.getText(), 1, Integer::sum);
                } else if (value.isStructStart()) {
                    return;
                }
            }
        } catch (IOException e) {
            // not an answer we can read; its latency still counts
        }
    }

    private void timing(String header) {
        for (String part : header.split(",")) {
            String[] named = part.strip().split(";dur=");
            if (named.length == 2) {
                (named[0].equals("engine") ? engine : service).add(Double.parseDouble(named[1]));
            }
        }
    }

    double engineP50() {
        return Stats.percentile(engine, 50);
    }

    double serviceP50() {
        return Stats.percentile(service, 50);
    }

    double tookP50() {
        return Stats.percentile(took, 50);
    }

    /** How many answers said each mode, e.g. {@code hybrid 1120, keyword 80}. */
    String modes() {
        StringBuilder out = new StringBuilder();
        modes.forEach((mode, n) ->
                out.append(out.isEmpty() ? "" : ", ").append(mode).append(' ').append(n));
        return out.toString();
    }
}
