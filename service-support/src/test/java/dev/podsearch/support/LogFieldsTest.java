package dev.podsearch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogFieldsTest {

    @Test
    void theFieldsHoldInsideTheBlockAndAreGoneAfterIt() {
        try (LogFields fields = LogFields.episode("ep-1", 3)
                .with("record", "transcripts.v1-2@41")
                .with("skipped", null)) {
            assertEquals("ep-1", MDC.get(LogFields.EPISODE));
            assertEquals("3", MDC.get(LogFields.REVISION));
            assertEquals("transcripts.v1-2@41", MDC.get(LogFields.RECORD));
            assertNull(MDC.get("skipped"));
        }
        assertNull(MDC.get(LogFields.EPISODE));
        assertNull(MDC.get(LogFields.REVISION));
        assertNull(MDC.get(LogFields.RECORD));
        try (LogFields fields = LogFields.record("transcripts.indexed.v1", 0, 7)) {
            assertEquals("transcripts.indexed.v1-0@7", MDC.get(LogFields.RECORD));
        }
    }
}
