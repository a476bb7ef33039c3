package dev.podsearch.chaos;

/**
 * What the verifier found for one episode.
 *
 * @param kind the class of the finding
 * @param detail what exactly, for the report (null when it is as it should be)
 */
record Verdict(Kind kind, String detail) {

    enum Kind {
        /** Searchable exactly once at its latest acknowledged revision, or gone when deleted. */
        OK,
        /** Its write's outcome was unknown and it is in one of the two states it may be in. */
        UNKNOWN_OK,
        /** Nothing acknowledged to judge (every write refused). */
        NOT_ACKNOWLEDGED,
        /** Acknowledged, and its latest revision is not found. */
        LOST,
        /** Found more than once: in two episodes, or twice. */
        DUPLICATED,
        /** Text of a replaced revision or a deleted episode is found, or the episode is at an older revision. */
        STALE,
        /** Poison that ended as it must: FAILED with its reason, or in failed/ with its problem. */
        POISON_OK,
        /** Poison that did not. */
        POISON_WRONG
    }

    static Verdict of(Kind kind) {
        return new Verdict(kind, null);
    }

    static Verdict of(Kind kind, String detail) {
        return new Verdict(kind, detail);
    }

    boolean bad() {
        return kind == Kind.LOST || kind == Kind.DUPLICATED || kind == Kind.STALE || kind == Kind.POISON_WRONG;
    }
}
