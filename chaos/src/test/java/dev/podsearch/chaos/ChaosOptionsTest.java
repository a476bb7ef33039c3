package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    @Test
    void defaultsAreTheIssuesTarget() {
        ChaosOptions options = ChaosOptions.parse(new String[0], Path.of("w"));
        assertEquals(Duration.ofMinutes(20), options.duration());
        assertEquals(50, options.faults());
        assertEquals(Duration.ofSeconds(12), options.pause());
    }

    @Test
    void readsEveryOption() {
        ChaosOptions options = ChaosOptions.parse(
                new String[] {
                    "--minutes",
                    "2.5",
                    "--faults",
                    "6",
                    "--seed",
                    "42",
                    "--rate",
                    "3",
                    "--pause-seconds",
                    "8",
                    "--settle-minutes",
                    "1"
                },
                Path.of("w"));
        assertEquals(Duration.ofSeconds(150), options.duration());
        assertEquals(6, options.faults());
        assertEquals(42, options.seed());
        assertEquals(3.0, options.uploadsPerSecond());
        assertEquals(Duration.ofSeconds(8), options.pause());
        assertEquals(Duration.ofMinutes(1), options.settle());
    }

    @Test
    void refusesUnknownArgumentsAndPausesNoLongerThanTheClientTimeout() {
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> ChaosOptions.parse(new String[] {"--fault", "3"}, Path.of("w")));
        assertTrue(unknown.getMessage().contains("--fault"), unknown.getMessage());
        var shortPause = assertThrows(
                IllegalArgumentException.class,
                () -> ChaosOptions.parse(new String[] {"--pause-seconds", "5"}, Path.of("w")));
        assertTrue(shortPause.getMessage().contains("longer than the client timeout"), shortPause.getMessage());
    }
}
