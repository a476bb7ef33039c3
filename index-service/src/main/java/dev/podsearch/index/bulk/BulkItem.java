package dev.podsearch.index.bulk;

/**
 * What became of one operation of a {@code _bulk} request, and how its failure is classified: done (written, or
 * nothing left to do), retryable (time may fix it) or refused for good.
 *
 * @param errorType null when the operation succeeded
 */
record BulkItem(String id, int status, String errorType, String errorReason) {

    /** An operation of a request whose answer said {@code errors: false}. */
    static final BulkItem OK = new BulkItem(null, 200, null, null);

    /**
     * Nothing left to do: written or deleted; 409, the document already has this or a newer revision; 404, a document
     * to delete was gone.
     */
    boolean done() {
        return errorType == null || status == 409 || status == 404;
    }

    /** The operation's document is (now or already) there at its revision or a newer one: written, or 409. */
    boolean stored() {
        return errorType == null || status == 409;
    }

    boolean retryable() {
        return !done() && IndexingException.retryableStatus(status);
    }

    /** Refused for a reason time will not fix (mapping or parse errors, a write block). */
    boolean refused() {
        return !done() && !retryable();
    }

    String reason() {
        return "document " + id + " rejected (" + status + " " + errorType + "): " + errorReason;
    }
}
