package dev.podsearch.index.bulk;

/**
 * OpenSearch did not take a document. {@link #retryable()} separates what time may fix (429, 5xx, timeouts, connection
 * refused) from what it will not (mapping and parse errors), which goes to the dead-letter topic.
 */
public class IndexingException extends RuntimeException {

    private final boolean retryable;

    public IndexingException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Retryable statuses: throttling and server-side failures. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
