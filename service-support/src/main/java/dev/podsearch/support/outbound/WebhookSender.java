package dev.podsearch.support.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed webhook: checks the URL with the guard right before sending (a host that now resolves to a private
 * address is refused without a connection), never follows a redirect, bounds the connect and the whole exchange in
 * time, and keeps at most {@link #EXCERPT_CHARS} characters of the answer.
 */
public final class WebhookSender implements AutoCloseable {

    /** How much of a receiver's answer is kept. */
    public static final int EXCERPT_CHARS = 512;

    private static final String USER_AGENT = "podsearch-webhooks/1";

    private final OutboundUrlGuard guard;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient client;

    public WebhookSender(OutboundUrlGuard guard, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.guard = guard;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        // HTTP/1.1: a plain-http receiver is never offered an h2c upgrade it may mishandle
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Posts {@code jsonBody} to {@code url}, signed with {@code secret}; never throws for what the receiver does. */
    public SendResult send(String url, String deliveryId, String secret, String jsonBody) {
        long started = System.nanoTime();
        UrlCheck check = guard.check(url);
        if (check instanceof UrlCheck.Refused refused) {
            return SendResult.failed("refused: " + refused.reason(), since(started));
        }
        UrlCheck.Allowed allowed = (UrlCheck.Allowed) check;
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(allowed.uri())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.DELIVERY_ID_HEADER, deliveryId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, jsonBody))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, info -> new ExcerptSubscriber(EXCERPT_CHARS));
        try {
            HttpResponse<String> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return SendResult.answered(
                    response.statusCode(),
                    since(started),
                    response.body(),
                    response.headers().firstValue("Location"));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return SendResult.failed("no answer within " + readable(requestTimeout), since(started));
        } catch (ExecutionException e) {
            return SendResult.failed(describe(e.getCause()), since(started));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return SendResult.failed("interrupted before an answer came", since(started));
        }
    }

    private String describe(Throwable failure) {
        return switch (failure) {
            case HttpConnectTimeoutException e -> "could not connect within the connect timeout";
            case HttpTimeoutException e -> "no answer within " + readable(requestTimeout);
            case ConnectException e -> "could not connect: connection refused";
            case IOException e -> "I/O error: " + (e.getMessage() == null ? "connection closed" : e.getMessage());
            default -> "failed: " + failure.getMessage();
        };
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        client.close();
    }
}
