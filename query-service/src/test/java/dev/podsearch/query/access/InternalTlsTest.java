package dev.podsearch.query.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.testing.access.KeyCheckStub;
import dev.podsearch.testing.access.TlsKeyCheckStub;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * query-service as the prod overlay runs it: HTTPS only on its public port and its management interface, with a
 * certificate from the cluster's internal CA (here a test CA, {@link TlsKeyCheckStub}), and key checks over HTTPS to an
 * ingest service whose certificate that CA signed, trusting that CA only.
 */
@QuarkusTest
@TestProfile(InternalTlsTest.Prod.class)
class InternalTlsTest {

    public static class Prod implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("query.require-key", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsKeyCheckStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true; // no engine: nothing here searches
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private RequestSpecification trustingTheCa() throws Exception {
        return given().trustStore(caStore()).baseUri("https://localhost").port(https.getPort());
    }

    @Test
    void keysAreCheckedOverHttpsWithTheIngestServiceTheCaVouchesFor() throws Exception {
        int asked = KeyCheckStub.ASKED.get();
        trustingTheCa()
                .header("Authorization", "Bearer " + KeyCheckStub.READ)
                .when()
                .get("/v1/search")
                .then()
                .statusCode(400) // past the key check: only q is missing
                .body("parameter", equalTo("q"));
        trustingTheCa()
                .header("Authorization", "Bearer " + KeyCheckStub.REVOKED)
                .when()
                .get("/v1/search")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/unauthenticated"));
        assertTrue(KeyCheckStub.ASKED.get() >= asked + 2, "the HTTPS stub was not asked: " + KeyCheckStub.ASKED);
    }

    @Test
    void thePublicPortSpeaksNoPlainHttp() {
        assertThrows(IOException.class, () -> getWithJvmTrust("http://localhost:" + https.getPort() + "/v1/search"));
    }

    @Test
    void theManagementInterfaceServesHealthOverHttpsToo() throws Exception {
        given().trustStore(caStore())
                .baseUri("https://localhost")
                .port(ManagementPort.port())
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void aClientThatDoesNotTrustTheInternalCaIsRefused() {
        SSLHandshakeException refused = assertThrows(
                SSLHandshakeException.class,
                () -> getWithJvmTrust("https://localhost:" + https.getPort() + "/v1/search"));
        assertTrue(refused.getMessage().contains("PKIX"), refused.getMessage());
    }

    /** A GET with the JDK's client and the JVM's own trusted CAs (not the internal one). */
    private static HttpResponse<String> getWithJvmTrust(String url) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The CA the service's Secret mounts as ca.crt, as a trust store. */
    private static KeyStore caStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in =
                new FileInputStream(TlsKeyCheckStub.SERVICE.resolve("ca.crt").toFile())) {
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        assertEquals(1, store.size());
        return store;
    }
}
