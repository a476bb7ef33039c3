package dev.podsearch.ingest.feed;

import dev.podsearch.support.outbound.OutboundUrlGuard;
import dev.podsearch.support.outbound.UrlCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * GETs a feed or a transcript from a URL a user gave. Every hop (the URL and each redirect) is checked by the {@link
 * OutboundUrlGuard} right before it is requested; redirects are followed here, at most {@code maxRedirects}. Sends the
 * validators it is given (conditional GET), asks for gzip, bounds the whole fetch in time and the body in size
 * (compressed and decompressed). Every failure is a {@link FeedException} with a sentence saying what happened.
 */
public final class FeedFetcher implements AutoCloseable {

    private static final String USER_AGENT = "podsearch-feeds/1 (+https://podsearch.dev)";

    private final OutboundUrlGuard guard;
    private final int maxRedirects;
    private final Duration timeout;
    private final HttpClient client;

    public FeedFetcher(OutboundUrlGuard guard, Duration connectTimeout, Duration timeout, int maxRedirects) {
        this.guard = guard;
        this.maxRedirects = maxRedirects;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @param what "the feed" or "the transcript", for the messages
     * @param etag sent as If-None-Match; may be null
     * @param lastModified sent as If-Modified-Since; may be null
     */
    public Fetched get(String url, String what, String etag, String lastModified, long maxBytes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = url;
        for (int hop = 0; ; hop++) {
            URI target = allowed(current, what, hop == 0 ? null : url);
            HttpResponse<byte[]> response = send(request(target, etag, lastModified), what, maxBytes, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FeedException(what + " answered " + status + " without a Location to go to");
                }
                if (hop >= maxRedirects) {
                    throw new FeedException(what + " redirects more than " + maxRedirects + " times");
                }
                current = target.resolve(location.strip()).toString();
                continue;
            }
            if (status == 304) {
                return Fetched.unchanged();
            }
            if (status != 200) {
                throw new FeedException(what + " answered HTTP " + status + " at " + target + hint(status));
            }
            byte[] body = decoded(response, what, maxBytes);
            return new Fetched(
                    false,
                    body,
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private URI allowed(String url, String what, String redirectedFrom) {
        return switch (guard.check(url)) {
            case UrlCheck.Allowed allowed -> allowed.uri();
            case UrlCheck.Refused refused ->
                throw new FeedException("refused to fetch " + what + " at " + url
                        + (redirectedFrom == null ? "" : " (redirected from " + redirectedFrom + ")") + ": "
                        + refused.reason());
        };
    }

    private HttpRequest request(URI target, String etag, String lastModified) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "gzip")
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what, long maxBytes, long deadline) {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new BoundedBody(maxBytes));
        try {
            return exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FeedException(what + " did not arrive within " + timeout + " at " + request.uri());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedException("interrupted while fetching " + what);
        } catch (ExecutionException e) {
            throw new FeedException(describe(e.getCause(), what, request.uri(), maxBytes));
        }
    }

    private static String describe(Throwable failure, String what, URI uri, long maxBytes) {
        return switch (failure) {
            case BoundedBody.TooLarge e -> tooLarge(what, maxBytes);
            case HttpConnectTimeoutException e -> "could not connect to " + uri.getHost() + " for " + what;
            case ConnectException e -> "could not connect to " + uri.getHost() + " for " + what + ": refused";
            case IOException e ->
                "could not fetch " + what + " at " + uri + ": "
                        + (e.getMessage() == null ? "the connection closed" : e.getMessage());
            default -> "could not fetch " + what + " at " + uri + ": " + failure;
        };
    }

    private static byte[] decoded(HttpResponse<byte[]> response, String what, long maxBytes) {
        String encoding = response.headers()
                .firstValue("Content-Encoding")
                .orElse("")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return response.body();
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FeedException(what + " came in the encoding '" + encoding + "', which was not asked for");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FeedException(tooLarge(what, maxBytes) + " (decompressed)");
            }
            return body;
        } catch (IOException e) {
            throw new FeedException(what + " is not valid gzip: " + e.getMessage());
        }
    }

    private static String tooLarge(String what, long maxBytes) {
        return what + " is larger than " + maxBytes + " bytes, the limit";
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (the server wants credentials: a private feed cannot be subscribed to)";
            case 404, 410 -> " (check the URL: nothing is there)";
            default -> status >= 500 ? " (a server error: it is retried later)" : "";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
