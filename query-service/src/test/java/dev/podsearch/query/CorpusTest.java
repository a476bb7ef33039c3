package dev.podsearch.query;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.opensearch.client.opensearch.OpenSearchClient;

/** A test of the search API on {@link TestCorpus}, indexed once per run; requests are logged when a check fails. */
abstract class CorpusTest {

    @Inject
    OpenSearchClient client;

    @BeforeEach
    void loadCorpus() throws IOException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        TestCorpus.load(client);
    }
}
