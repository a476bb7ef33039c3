package dev.podsearch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./podsearch keys create --name NAME --role ROLE [--rate 50/s] | list | revoke ID}: the ingest service's /admin/keys with an
 * admin key ({@code --key-file}, default {@code local/api-key}) at {@code --url} (default {@code PODSEARCH_INGEST_URL},
 * else http://127.0.0.1:8081).
 */
public final class KeysCommand {

    static final String USAGE =
            "usage: keys create --name NAME --role read|alerts|ingest|admin [--rate 50/s] | keys list | keys revoke ID"
                    + "   [--url http://127.0.0.1:8081] [--key-file local/api-key]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String adminKey;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeysCommand(URI base, String adminKey, PrintStream out) {
        this.base = base;
        this.adminKey = adminKey;
        this.out = out;
    }

    /** Runs {@code arguments} (after "keys"); the exit status: 0 done, 1 refused or failed, 2 bad usage. */
    public static int run(List<String> arguments, PrintStream out) {
        String url = StackMain.option(
                arguments,
                "--url",
                StackHome.settingOr("podsearch.ingest.url", "PODSEARCH_INGEST_URL", "http://127.0.0.1:8081"));
        Path keyFile = Path.of(StackMain.option(arguments, "--key-file", "local/api-key"));
        String key;
        try {
            key = Files.readString(keyFile).strip();
        } catch (IOException e) {
            out.println("no admin key in " + keyFile + " (./podsearch up makes one); or name one with --key-file");
            return 1;
        }
        KeysCommand keys = new KeysCommand(URI.create(url), key, out);
        String verb = arguments.isEmpty() ? "" : arguments.getFirst();
        return switch (verb) {
            case "create" ->
                keys.create(
                        StackMain.option(arguments, "--name", null),
                        StackMain.option(arguments, "--role", null),
                        StackMain.option(arguments, "--rate", null));
            case "list" -> keys.list();
            case "revoke" -> arguments.size() < 2 ? usage(out) : keys.revoke(arguments.get(1));
            default -> usage(out);
        };
    }

    private static int usage(PrintStream out) {
        out.println(USAGE);
        return 2;
    }

    int create(String name, String role, String rate) {
        if (name == null || role == null) {
            return usage(out);
        }
        Map<String, String> key = new java.util.LinkedHashMap<>(Map.of("name", name, "role", role));
        if (rate != null) {
            key.put("rate", rate); // the key's own quota; without it, its role's
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/admin/keys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(key))));
        JsonNode body = read(response.body());
        if (response.statusCode() != 201) {
            return refused(response.statusCode(), body);
        }
        out.printf(
                "created key %s '%s' (role %s, rate %s). The key, shown this once:%n",
                body.path("id").asText(),
                body.path("name").asText(),
                body.path("role").asText(),
                body.path("rate").isTextual() ? body.path("rate").asText() : "of its role");
        out.println(body.path("key").asText());
        return 0;
    }

    int list() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(base.resolve("/admin/keys")).GET());
        JsonNode body = read(response.body());
        if (response.statusCode() != 200) {
            return refused(response.statusCode(), body);
        }
        out.printf(
                "%-10s  %-6s  %-9s  %-20s  %-20s  %-20s  %s%n",
                "ID", "ROLE", "RATE", "CREATED", "LAST USED", "REVOKED", "NAME");
        for (JsonNode key : body) {
            out.printf(
                    "%-10s  %-6s  %-9s  %-20s  %-20s  %-20s  %s%n",
                    key.path("id").asText(),
                    key.path("role").asText(),
                    key.path("rate").isTextual() ? key.path("rate").asText() : "-",
                    time(key.path("createdAt")),
                    time(key.path("lastUsedAt")),
                    time(key.path("revokedAt")),
                    key.path("name").asText());
        }
        return 0;
    }

    int revoke(String id) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(base.resolve("/admin/keys/" + id)).DELETE());
        JsonNode body = read(response.body());
        if (response.statusCode() != 200) {
            return refused(response.statusCode(), body);
        }
        out.printf(
                "revoked key %s '%s' at %s%n",
                body.path("id").asText(), body.path("name").asText(), time(body.path("revokedAt")));
        return 0;
    }

    private int refused(int status, JsonNode problem) {
        out.printf("refused (%d): %s%n", status, problem.path("detail").asText("no detail"));
        return 1;
    }

    private static String time(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "-" : value.asText().replaceFirst("\\.\\d+", "");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.header("Authorization", "Bearer " + adminKey)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the ingest service at " + base + " cannot be reached (is it up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
