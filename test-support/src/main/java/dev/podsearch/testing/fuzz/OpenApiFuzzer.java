package dev.podsearch.testing.fuzz;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Sends every operation of the service's own OpenAPI document ({@code /q/openapi}) random, boundary and hostile values
 * for its documented query and path parameters and JSON bodies, and collects every answer that breaks the error
 * contract: a 5xx, a 4xx that is not {@code application/problem+json} with {@code type}, {@code title}, {@code status}
 * and {@code detail}, or a 400 whose {@code parameter} names nothing the request sent.
 *
 * <p>Driven by the served document rather than by jqwik: jqwik is a JUnit Platform engine of its own, so its
 * properties cannot run inside a {@code @QuarkusTest} (a Jupiter extension) against the started service; and the
 * document is what a client reads, so a parameter it leaves out is a finding of {@link OpenApiParameters}, not of
 * this. A fixed seed makes a failure repeatable; the rounds are bounded by a count and a time budget.
 */
public final class OpenApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");

    /** What a problem's detail must never show: class names, exceptions. */
    private static final java.util.regex.Pattern LEAK =
            java.util.regex.Pattern.compile("dev\\.podsearch\\.|java\\.[a-z]+\\.|[A-Za-z]Exception\\b|\\bat [a-z]+\\.");

    /** Longer request lines are refused by the HTTP layer itself (quarkus.http.limits.max-initial-line-length). */
    private static final int MAX_URL = 4000;

    private final long seed;
    private final int roundsPerOperation;
    private final Duration budget;
    private final Set<String> skipped;

    /**
     * @param skipped operations not to call, as {@code "POST /admin/reindex"}: those with effects a test run must not
     *     have (a full reindex), not those that merely answer errors
     */
    public OpenApiFuzzer(long seed, int roundsPerOperation, Duration budget, Set<String> skipped) {
        this.seed = seed;
        this.roundsPerOperation = roundsPerOperation;
        this.budget = budget;
        this.skipped = skipped;
    }

    /** Every broken answer, described with the request that got it; empty when the contract held. */
    public OpenApiFindings run() {
        JsonNode api = OpenApiParameters.document();
        Random random = new Random(seed);
        long deadline = System.nanoTime() + budget.toNanos();
        OpenApiFindings findings = new OpenApiFindings();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                if (!METHODS.contains(op.getKey()) || skipped.contains(operation)) {
                    continue;
                }
                Operation target = Operation.of(op.getKey(), path.getKey(), op.getValue(), api);
                for (int round = 0; round < roundsPerOperation && System.nanoTime() < deadline; round++) {
                    send(target, random, findings);
                }
            }
        }
        return findings;
    }

    private void send(Operation target, Random random, OpenApiFindings findings) {
        // encoded here, not by RestAssured: it would read braces in a value as a template and encode '%' twice
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
        Set<String> named = new LinkedHashSet<>(target.documented());
        String path = target.path();
        Map<String, String> values = new LinkedHashMap<>();
        for (Operation.Param param : target.pathParams()) {
            String value = HostileValues.text(random, param.example());
            value = value.isEmpty() ? "x" : value; // an empty segment is another path
            values.put(param.name(), value);
            path = path.replace("{" + param.name() + "}", encoded(value));
        }
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (Operation.Param param : target.queryParams()) {
            if (param.required() || random.nextInt(3) == 0) {
                queryValues.put(param.name(), HostileValues.text(random, param.example()));
            }
        }
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> query : queryValues.entrySet()) {
            url.append(separator).append(encoded(query.getKey())).append('=').append(encoded(query.getValue()));
            separator = '&';
        }
        if (url.length() > MAX_URL) {
            return; // the HTTP layer answers a request line over 4 KiB with a bare 414 before the service sees it
        }
        String body = null;
        if (target.jsonBody() && random.nextBoolean()) {
            body = random.nextInt(3) == 0 ? malformed(random) : object(target.bodyFields(), random, named);
            request.contentType("application/json").body(body);
            named.add("body");
        } else if (target.rawBody() != null) {
            request.contentType(target.rawBody()).body(HostileValues.text(random, null));
            named.add("body");
        }
        String described = target.method().toUpperCase() + " " + abbreviated(url.toString())
                + (body == null ? "" : " body=" + abbreviated(body));
        Response response;
        try {
            response = request.request(target.method().toUpperCase(), url.toString());
        } catch (RuntimeException e) {
            findings.add(described, "the request failed: " + e);
            return;
        }
        check(response, named, described, findings);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void check(Response response, Set<String> named, String described, OpenApiFindings findings) {
        int status = response.statusCode();
        findings.count(status);
        if (status >= 500) {
            findings.add(described, status + ": " + abbreviated(response.asString()));
            return;
        }
        if (status < 400) {
            return;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            findings.add(described, status + " is not a problem: " + type + " " + abbreviated(response.asString()));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            findings.add(described, status + " problem is not JSON: " + abbreviated(response.asString()));
            return;
        }
        for (String member : List.of("type", "title", "detail")) {
            if (!problem.path(member).isTextual()
                    || problem.path(member).asText().isBlank()) {
                findings.add(described, status + " problem has no " + member + ": " + problem);
            }
        }
        if (LEAK.matcher(problem.path("detail").asText()).find()) {
            findings.add(described, status + " problem shows the service's insides: " + problem);
        }
        if (problem.path("status").asInt() != status) {
            findings.add(described, "problem status " + problem.path("status") + " but HTTP " + status);
        }
        if (status == 400) {
            String parameter = problem.path("parameter").asText(null);
            if (parameter == null || !named.contains(rootOf(parameter))) {
                findings.add(
                        described,
                        "400 names parameter " + parameter + ", not one the operation documents or the request sent: "
                                + problem);
            }
        }
    }

    /** The top-level field of a body path ({@code records[0]} is {@code records}, {@code a.b} is {@code a}). */
    private static String rootOf(String parameter) {
        int end = parameter.length();
        for (char c : new char[] {'.', '['}) {
            int at = parameter.indexOf(c);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        return parameter.substring(0, end);
    }

    private static String malformed(Random random) {
        return HostileValues.MALFORMED_JSON.get(random.nextInt(HostileValues.MALFORMED_JSON.size()));
    }

    private static String object(List<String> fields, Random random, Set<String> named) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : fields) {
            if (random.nextInt(4) != 0) {
                body.put(field, HostileValues.json(random));
                named.add(field);
            }
        }
        if (random.nextInt(5) == 0) {
            body.put("unexpected", HostileValues.json(random));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
