package dev.podsearch.query;

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
 * every documented parameter get a problem naming what was wrong, never a 5xx (on the test corpus, so that valid
 * values reach the engine).
 */
@QuarkusTest
class OpenApiContractTest extends CorpusTest {

    @Test
    void everyQueryParameterReadIsDocumentedAndNoOther() {
        assertEquals(List.of(), OpenApiParameters.differences(ResourceMethods.ofApplication()));
    }

    @Test
    void hostileParametersGetAProblemNamingWhatWasWrongNeverA5xx() {
        OpenApiFindings findings = new OpenApiFuzzer(30L, 60, Duration.ofSeconds(45), Set.of()).run();
        assertEquals(List.of(), findings.broken(), "statuses: " + findings.statuses());
        assertTrue(
                findings.statuses().containsKey(400), "no request reached a parameter check: " + findings.statuses());
        assertTrue(findings.statuses().containsKey(200), "no request got through: " + findings.statuses());
    }
}
