package dev.podsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void namedValuesAreReadWithTheirDefaults() {
        Options options = Options.parse(new String[] {"--episodes", "300", "--vectors", "false"});

        assertEquals(300, options.integer("episodes", 1000));
        assertEquals(15, options.integer("seconds", 15));
        assertEquals(Map.of("episodes", "300", "vectors", "false"), options.values());
        assertFalse(options.flag("cluster"));
    }

    @Test
    void clusterIsAFlagWhereverItStands() {
        for (String[] args : new String[][] {
            {"--cluster"},
            {"--cluster", "--episodes", "300", "--seconds", "20"},
            {"--episodes", "300", "--cluster", "--seconds", "20"},
            {"--episodes", "300", "--seconds", "20", "--cluster"}
        }) {
            Options options = Options.parse(args);

            assertTrue(options.flag("cluster"), String.join(" ", args));
            assertFalse(options.values().containsKey("cluster"), String.join(" ", args));
            if (args.length > 1) {
                assertEquals(Map.of("episodes", "300", "seconds", "20"), options.values());
            }
        }
    }

    @Test
    void aFlagDoesNotTakeTheNextWordAsItsValue() {
        Options options = Options.parse(new String[] {"--cluster", "--kb", "8"});

        assertTrue(options.flag("cluster"));
        assertEquals(8, options.integer("kb", 25));
    }

    @Test
    void aNameWithoutItsValueOrAWordWithoutANameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--episodes"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--cluster", "--episodes"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"300"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--", "300"}));
    }

    @Test
    void aBenchmarkWithoutFlagsRefusesThem() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--cluster"})
                .withoutFlags("ingest"));
        Options plain = Options.parse(new String[] {"--seconds", "20"}).withoutFlags("ingest");

        assertEquals(20, plain.integer("seconds", 0));
    }
}
