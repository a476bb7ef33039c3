package dev.podsearch.support.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.DefaultBean;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the ingest service whether a key is valid ({@code GET /v1/access/whoami} with the key), and keeps each valid
 * answer for {@code access.cache-ttl}. Invalid answers are not kept: a key created a moment ago works at once. The
 * ingest service replaces this bean with its own, which reads PostgreSQL.
 */
@DefaultBean
@ApplicationScoped
public class RemoteKeyVerifier implements KeyVerifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    AccessConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Cache<String, KeyOwner> valid;

    @PostConstruct
    void init() {
        valid = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(10_000)
                .build();
    }

    @Override
    public Optional<KeyOwner> verify(ApiKey key) {
        String cacheKey = key.id() + ":" + key.hash(); // never the secret itself in memory longer than the request
        KeyOwner known = valid.getIfPresent(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<KeyOwner> owner = ask(key);
        owner.ifPresent(o -> valid.put(cacheKey, o));
        return owner;
    }

    private Optional<KeyOwner> ask(ApiKey key) {
        URI base = config.verifyUrl()
                .orElseThrow(() -> new KeyCheckUnavailable("access.verify-url is not set: no service to ask", null));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/access/whoami"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key.token())
                .header("Accept", "application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new KeyCheckUnavailable("the key check answered " + response.statusCode(), null);
            }
            JsonNode body = json.readTree(response.body());
            Role role = Role.of(body.path("role").asText())
                    .orElseThrow(() -> new KeyCheckUnavailable("the key check named an unknown role", null));
            return Optional.of(
                    new KeyOwner(body.path("id").asText(), body.path("name").asText(), role));
        } catch (IOException e) {
            throw new KeyCheckUnavailable("the key check at " + base + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyCheckUnavailable("interrupted while checking a key", e);
        }
    }
}
