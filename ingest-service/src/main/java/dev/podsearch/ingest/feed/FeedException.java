package dev.podsearch.ingest.feed;

/** A feed (or a transcript it names) cannot be fetched or read; the message says why, for the person who subscribed. */
public class FeedException extends RuntimeException {

    public FeedException(String reason) {
        super(reason);
    }
}
