package dev.podsearch.support.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.peers.PeerTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * One question to the ingest service about a key: {@code GET /v1/access/whoami} with the key, and the shared
 * service token when one is configured (then the check draws from no rate limit there). 200: the owner; 401: no live
 * key; anything else, or no answer: {@link KeyCheckUnavailable}. With several addresses, the one that answered last is
 * asked first, and one that cannot be reached hands the question to the next.
 */
public final class KeyCheckClient {

    /** Where the ingest service lists revoked keys, for the services only. */
    public static final String REVOCATIONS_PATH = "/v1/access/revocations";

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final List<URI> bases;
    private volatile int current;
    private final Optional<String> serviceToken;
    private final ObjectMapper json;
    private final HttpClient http;

    public KeyCheckClient(List<URI> bases, Optional<String> serviceToken, ObjectMapper json) {
        this(bases, serviceToken, json, Optional.empty());
    }

    /** With {@code tls}: https:// addresses must show a certificate one of its CAs signed (the JVM's without it). */
    public KeyCheckClient(List<URI> bases, Optional<String> serviceToken, ObjectMapper json, Optional<SSLContext> tls) {
        this.http = PeerTls.client(tls, TIMEOUT);
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("access.verify-url names no address");
        }
        this.bases = List.copyOf(bases);
        this.serviceToken = serviceToken.filter(token -> !token.isBlank());
        this.json = json;
    }

    /** The ids of the keys revoked after a moment, and the moment of the answer (the ingest service's clock). */
    public record Revocations(List<String> keyIds, Instant now) {}

    /** Which keys were revoked since {@code since}: {@code GET /v1/access/revocations}, which needs the token. */
    public Revocations revokedSince(Instant since) {
        try {
            HttpResponse<String> response =
                    send(base -> request(base.resolve(REVOCATIONS_PATH + "?since=" + since)), "the revocations");
            if (response.statusCode() != 200) {
                throw new KeyCheckUnavailable("the revocations answered " + response.statusCode(), null);
            }
            JsonNode body = json.readTree(response.body());
            List<String> ids = new ArrayList<>();
            body.path("revoked").forEach(id -> ids.add(id.asText()));
            return new Revocations(ids, Instant.parse(body.path("now").asText()));
        } catch (IOException e) {
            throw new KeyCheckUnavailable("the revocations answered what is not JSON", e);
        }
    }

    public Optional<KeyOwner> ask(ApiKey key) {
        try {
            HttpResponse<String> response = send(
                    base -> request(base.resolve(ServiceToken.CHECK_PATH))
                            .header("Authorization", "Bearer " + key.token()),
                    "the key check");
            if (response.statusCode() == 401) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new KeyCheckUnavailable("the key check answered " + response.statusCode(), null);
            }
            return Optional.of(owner(json.readTree(response.body())));
        } catch (IOException e) {
            throw new KeyCheckUnavailable("the key check answered what is not JSON", e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        serviceToken.ifPresent(token -> request.header(ServiceToken.HEADER, token));
        return request;
    }

    /** Sends to the address that answered last, then to each other in turn while one cannot be reached. */
    private HttpResponse<String> send(Function<URI, HttpRequest.Builder> request, String what) {
        int first = current;
        IOException last = null;
        for (int i = 0; i < bases.size(); i++) {
            int at = (first + i) % bases.size();
            try {
                HttpResponse<String> response =
                        http.send(request.apply(bases.get(at)).build(), HttpResponse.BodyHandlers.ofString());
                current = at;
                return response;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeyCheckUnavailable("interrupted while asking " + what, e);
            }
        }
        throw new KeyCheckUnavailable(what + " at " + bases + " cannot be reached" + tls(last), last);
    }

    /** Says so when the last address failed in the TLS handshake: a certificate not signed by a trusted CA. */
    private static String tls(IOException failure) {
        return failure instanceof SSLException
                ? " (TLS refused: " + failure.getMessage() + "; the CA of peers.tls-configuration-name must have"
                        + " signed its certificate, for its name)"
                : "";
    }

    private static KeyOwner owner(JsonNode body) {
        Role role = Role.of(body.path("role").asText())
                .orElseThrow(() -> new KeyCheckUnavailable("the key check named an unknown role", null));
        Optional<Quota> quota = body.path("rate").isTextual()
                ? Optional.of(Quota.parse(body.path("rate").asText())
                        .orElseThrow(() -> new KeyCheckUnavailable("the key check named an unknown rate", null)))
                : Optional.empty();
        return new KeyOwner(body.path("id").asText(), body.path("name").asText(), role, quota);
    }
}
