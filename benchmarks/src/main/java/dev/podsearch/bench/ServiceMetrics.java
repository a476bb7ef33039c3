package dev.podsearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's Prometheus figures at one moment ({@code /q/metrics}), each summed over its label sets, so that a
 * benchmark can say what the service did during a phase (the difference of two snapshots).
 */
record ServiceMetrics(Map<String, Double> values) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @param serviceUrl the service's management address ({@code ServiceProcess.managementUrl}) */
    static ServiceMetrics of(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(serviceUrl + "/q/metrics answered " + response.statusCode());
        }
        return parse(response.body());
    }

    /** The figures of several instances of a service, added up. */
    static ServiceMetrics of(List<String> serviceUrls) throws IOException, InterruptedException {
        Map<String, Double> sum = new HashMap<>();
        for (String url : serviceUrls) {
            of(url).values().forEach((name, value) -> sum.merge(name, value, Double::sum));
        }
        return new ServiceMetrics(sum);
    }

    /** Lines {@code name{labels} value} (or {@code name value}); comments skipped. */
    static ServiceMetrics parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, brace >= 0 && brace < space ? brace : line.indexOf(' '));
            try {
                values.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
            } catch (NumberFormatException e) {
                // NaN-like or timestamps we do not read
            }
        }
        return new ServiceMetrics(values);
    }

    double get(String name) {
        return values.getOrDefault(name, 0.0);
    }

    /** What changed since {@code earlier}. */
    ServiceMetrics since(ServiceMetrics earlier) {
        Map<String, Double> delta = new HashMap<>(values);
        earlier.values().forEach((name, value) -> delta.merge(name, -value, Double::sum));
        return new ServiceMetrics(delta);
    }
}
