package dev.podsearch.index.bulk;

import java.io.IOException;
import org.opensearch.client.opensearch._types.OpenSearchException;

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

    /** Runs an engine call, turning its failures into {@link IndexingException}s that say whether a retry may help. */
    public static <T> T engine(EngineCall<T> call) {
        try {
            return call.run();
        } catch (OpenSearchException e) {
            throw new IndexingException(
                    "OpenSearch answered " + e.status() + ": " + e.getMessage(), retryableStatus(e.status()), e);
        } catch (IOException e) {
            throw new IndexingException("OpenSearch unreachable: " + e.getMessage(), true, e);
        }
    }

    /** A call to the engine. */
    @FunctionalInterface
    public interface EngineCall<T> {
        T run() throws IOException;
    }
}
