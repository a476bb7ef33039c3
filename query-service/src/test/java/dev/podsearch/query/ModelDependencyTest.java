package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.podsearch.embed.Embeddings;
import dev.podsearch.embed.Embeddings.State;
import dev.podsearch.query.search.FakeEmbeddings;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedding model as a dependency, with the model's state held by a fake (a real model cannot be kept loading):
 * readiness is DOWN while the model loads and UP once loaded (and UP, saying searches run by keyword, when it failed to
 * load for good); a search whose query cannot be embedded answers by keyword, never a 500.
 */
@QuarkusTest
class ModelDependencyTest extends CorpusTest {

    private static final String CHECK = "checks.find { it.name == 'embedding-model' }";

    private FakeEmbeddings model;

    @BeforeEach
    void fakeModel() {
        model = FakeEmbeddings.loaded();
        QuarkusMock.installMockForType(model, Embeddings.class);
    }

    @Test
    void notReadyWhileTheModelLoadsAndReadyOnceLoaded() {
        model.state(State.LOADING);
        ManagementPort.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.state", equalTo("loading"))
                .body(CHECK + ".data.searches", equalTo("by keyword until the model has loaded"));

        model.state(State.LOADED);
        ManagementPort.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.state", equalTo("loaded"));
    }

    @Test
    void aModelThatFailedToLoadLeavesTheServiceReadyAndSaysSearchesRunByKeyword() {
        model.state(State.FAILED);
        ManagementPort.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.state", equalTo("failed"))
                .body(CHECK + ".data.searches", containsString("by keyword"));
    }

    @Test
    void aHybridSearchWhileTheModelLoadsRunsByKeyword() {
        model.state(State.LOADING);
        given().queryParam("q", "loudest thing")
                .queryParam("mode", "hybrid")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("mode", equalTo("keyword"))
                .body("degraded", equalTo("the meaning model is still loading; searched by keyword"))
                .body("results[0].episode.id", equalTo(TestCorpus.LIGHTHOUSE));
        model.state(State.LOADED);
    }

    @Test
    void aSearchWhoseQueryTheModelFailsOnRunsByKeywordNotA500() {
        model.model(text -> {
            throw new IllegalStateException("ONNX inference failed");
        });
        // a query no other test embeds, so no cached vector answers for the failing model
        given().queryParam("q", "the loudest thing ever loved by a keeper")
                .queryParam("mode", "semantic")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("mode", equalTo("keyword"))
                .body("degraded", equalTo("the meaning model failed on this query; searched by keyword"))
                .body("results[0].episode.id", equalTo(TestCorpus.LIGHTHOUSE));

        ManagementPort.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        matchesPattern(
                                "(?s).*\\npodsearch_query_embedding_degraded_total\\{reason=\"error\"[^}]*} [1-9][0-9.E]*\\n.*"));
    }
}
