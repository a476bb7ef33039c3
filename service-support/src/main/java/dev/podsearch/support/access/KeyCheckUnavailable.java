package dev.podsearch.support.access;

/** The service that knows the keys could not be asked: the request is answered 503, not 401. */
public class KeyCheckUnavailable extends RuntimeException {

    public KeyCheckUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
