package dev.podsearch.index.lease;

/** A lease this instance held was taken over (it had expired) or removed: the work it guarded must stop. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
