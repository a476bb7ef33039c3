package dev.podsearch.support.outbound;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code maxChars} characters of a response body and stops reading there (a receiver's body is
 * never stored or read in full).
 */
final class ExcerptSubscriber implements HttpResponse.BodySubscriber<String> {

    private final int maxChars;
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> excerpt = new CompletableFuture<>();
    private Flow.Subscription subscription;

    ExcerptSubscriber(int maxChars) {
        this.maxChars = maxChars;
        this.maxBytes = maxChars * 4; // UTF-8: at most 4 bytes a character
    }

    @Override
    public CompletionStage<String> getBody() {
        return excerpt;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), maxBytes - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
        }
        if (bytes.size() >= maxBytes) {
            subscription.cancel();
            complete();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        complete(); // what arrived before the error is still the excerpt
    }

    @Override
    public void onComplete() {
        complete();
    }

    private void complete() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        excerpt.complete(text.length() > maxChars ? text.substring(0, maxChars) : text);
    }
}
