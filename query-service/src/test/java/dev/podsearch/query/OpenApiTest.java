package dev.podsearch.query;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published contract documents every parameter of every operation, with an example. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyParameterHasADescriptionAndAnExample() {
        JsonPath api = ManagementPort.openApi().extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<String> missing = new ArrayList<>();
        int parameters = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                Object list = operation.getValue().get("parameters");
                if (list == null) {
                    continue;
                }
                for (Object p : (List<?>) list) {
                    Map<?, ?> parameter = (Map<?, ?>) p;
                    parameters++;
                    String where = operation.getKey() + " " + path.getKey() + " " + parameter.get("name");
                    if (parameter.get("description") == null) {
                        missing.add(where + ": description");
                    }
                    if (parameter.get("example") == null && parameter.get("examples") == null) {
                        missing.add(where + ": example");
                    }
                }
            }
        }
        assertTrue(parameters > 20, "parameters found: " + parameters);
        assertEquals(List.of(), missing);
        assertTrue(paths.containsKey("/v1/suggest"));
        // the search answer is written by the resource itself, and still documented as what it is
        assertEquals(
                "#/components/schemas/SearchResults",
                api.getString("paths.'/v1/search'.get.responses.'200'.content.'application/json'.schema.$ref"));
        assertTrue(api.getMap("components.schemas.SearchResults.properties").containsKey("nextCursor"));
        assertTrue(paths.containsKey("/v1/episodes/{id}/similar"));
        // the filters search and trends share (one @BeanParam) are documented on both, repeatable ones as arrays
        for (String path : List.of("/v1/search", "/v1/trends")) {
            List<String> names = api.getList("paths.'" + path + "'.get.parameters.name");
            assertTrue(
                    names.containsAll(List.of("show", "speaker", "lang", "publishedAfter", "publishedBefore")),
                    path + ": " + names);
            for (String repeatable : List.of("show", "speaker", "lang")) {
                assertEquals(
                        "array",
                        api.getString("paths.'" + path + "'.get.parameters.find { it.name == '" + repeatable
                                + "' }.schema.type"),
                        path + " " + repeatable);
            }
        }
        // public search (the default) asks for no key
        assertEquals(null, api.<Object>get("paths.'/v1/search'.get.security"));
    }

    @Test
    void swaggerUiIsServedOnTheManagementPort() {
        ManagementPort.given()
                .when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui"));
    }
}
