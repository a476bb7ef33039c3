package dev.podsearch.index.bulk;

/**
 * One bulk operation: its {@code _bulk} lines, the event of the batch it belongs to ({@code owner}, its index in the
 * batch), and the document it touches.
 */
record Op(byte[] lines, int owner, Stage stage, String index, String id, long version) {

    /** When an operation is sent, and what becomes of it if its event is refused for good. */
    enum Stage {
        /** A moment of the revision: written first; deleted again if any write of its revision is refused for good. */
        MOMENT,
        /** A delete of a moment the previous revision had beyond this one's end: written with the moments. */
        CLEANUP,
        /**
         * The episode document (or its delete and tombstone): written once every moment operation of its event
         * succeeded. It records the revision and its moment count, which the next revision plans against.
         */
        LAST
    }

    long bytes() {
        return lines.length;
    }

    Op withOwner(int other) {
        return new Op(lines, other, stage, index, id, version);
    }
}
