package dev.podsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.rest.ResourceMethods;
import dev.podsearch.testing.fuzz.OpenApiFindings;
import dev.podsearch.testing.fuzz.OpenApiFuzzer;
import dev.podsearch.testing.fuzz.OpenApiParameters;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the code: every query parameter read is documented, and hostile values for
 * every documented parameter and JSON body get a problem naming what was wrong, never a 5xx.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void everyQueryParameterReadIsDocumentedAndNoOther() {
        assertEquals(List.of(), OpenApiParameters.differences(ResourceMethods.ofApplication()));
    }

    @Test
    void hostileParametersAndBodiesGetAProblemNamingWhatWasWrongNeverA5xx() {
        // retrying every parked event is harmless here (none are parked) and is fuzzed too
        OpenApiFindings findings = new OpenApiFuzzer(30L, 40, Duration.ofSeconds(45), Set.of()).run();
        assertEquals(List.of(), findings.broken(), "statuses: " + findings.statuses());
        assertTrue(
                findings.statuses().containsKey(400), "no request reached a parameter check: " + findings.statuses());
    }
}
