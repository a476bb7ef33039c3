package dev.podsearch.testing.access;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.podsearch.testing.tls.TestCa;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link KeyCheckStub} over HTTPS, and the service under test configured as the prod overlay configures the services
 * (deploy/k8s/overlays/prod/services.yaml): a test CA ({@link TestCa}, standing for cert-manager's internal CA) signed
 * the stub's certificate and the service's own; the service serves its public port and its management interface with
 * its certificate only (no plain HTTP) and trusts that CA, and no other, for its key checks.
 */
public class TlsKeyCheckStub extends KeyCheckStub {

    /** Where the test CA's files are: {@code ca.crt} under {@link #SERVICE}, as mounted in a pod. */
    public static final Path DIR = Path.of("target", "internal-tls");

    /** The service's own certificate's directory (ca.crt, tls.crt, tls.key). */
    public static final Path SERVICE = DIR.resolve("podsearch-test-ca-localhost");

    private TestCa.Issued stub;

    @Override
    protected HttpServer create(InetSocketAddress address) throws IOException {
        TestCa ca = TestCa.create(DIR, "podsearch-test-ca");
        stub = ca.issue("localhost");
        HttpsServer server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCa.serving(stub)));
        return server;
    }

    @Override
    protected String url(int port) {
        return "https://localhost:" + port; // the name the certificate was issued for
    }

    @Override
    protected Map<String, String> settings() {
        String own = stub.tlsCrt().getParent().toAbsolutePath().toString();
        return Map.of(
                "quarkus.tls.service.key-store.pem.0.cert", own + "/tls.crt",
                "quarkus.tls.service.key-store.pem.0.key", own + "/tls.key",
                "quarkus.tls.service.reload-period", "1h",
                "quarkus.tls.peers.trust-store.pem.certs", own + "/ca.crt",
                "quarkus.http.tls-configuration-name", "service",
                "quarkus.management.tls-configuration-name", "service",
                "quarkus.http.insecure-requests", "disabled",
                "quarkus.http.test-ssl-port", "0",
                "peers.tls-configuration-name", "peers");
    }
}
