package dev.podsearch.ingest.feed;

/** How a feed's last poll went. */
public enum PollResult {
    /** Read; at least one episode got a new revision. */
    UPDATED,
    /** Read; every transcript was already stored as it is. */
    UNCHANGED,
    /** The server said the feed has not changed since the last read (304). */
    NOT_MODIFIED,
    /** Read, but some items failed (see each item's error); the others were stored. */
    PARTIAL,
    /** Read, but no item offers a transcript this service reads. */
    NO_TRANSCRIPTS,
    /** The feed could not be fetched or read (see lastError); retried with backoff. */
    FAILED
}
