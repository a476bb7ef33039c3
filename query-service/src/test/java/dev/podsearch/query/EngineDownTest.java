package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the search engine down, the API says so (503, try again) instead of failing with an internal error. */
@QuarkusTest
@TestProfile(EngineDownTest.NoEngine.class)
class EngineDownTest {

    /** OpenSearch at a port nobody listens on; the module's real stack is not used here. */
    public static class NoEngine implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("opensearch.hosts", "http://127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void aSearchAnswers503WithAProblem() {
        given().queryParam("q", "fog horn")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/service-unavailable"))
                .body(
                        "detail",
                        equalTo("a server this service depends on cannot be reached right now; try again shortly"))
                .body("instance", equalTo("/v1/search"))
                .body(not(containsString("127.0.0.1")));
    }

    @Test
    void anEpisodeAnswers503WithAProblem() {
        given().when()
                .get("/v1/episodes/some-episode")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/service-unavailable"));
    }
}
