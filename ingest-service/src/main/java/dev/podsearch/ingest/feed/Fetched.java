package dev.podsearch.ingest.feed;

/**
 * A fetch's outcome: the body (decompressed) with its type and validators, or {@code notModified} when the server
 * answered 304 to the validators sent.
 */
public record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified) {

    static Fetched unchanged() {
        return new Fetched(true, null, null, null, null);
    }
}
