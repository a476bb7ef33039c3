package dev.podsearch.ingest.feed;

/** What one poll did with one item. */
enum ItemOutcome {
    /** Its transcript became a new revision (or a new episode). */
    STORED,
    /** Its transcript is stored as it is (the server said 304, or the content was identical). */
    UNCHANGED,
    /** It offers no transcript this service reads. */
    NO_TRANSCRIPT,
    /** Its transcript could not be fetched, parsed or stored: the item's error says why. */
    FAILED
}
