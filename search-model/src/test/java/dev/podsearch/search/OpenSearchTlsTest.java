package dev.podsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The client speaks TLS to a cluster whose certificate a private CA signed (as the OpenSearch operator's are) when
 * {@code opensearch.tls.ca-file} names that CA, sends the credentials, and refuses the same server without it.
 */
class OpenSearchTlsTest {

    @TempDir
    Path dir;

    HttpsServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    Path caPem;

    @BeforeEach
    void startHttpsServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        caPem = dir.resolve("ca.crt");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                caPem.toString());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool: " + output);
    }

    private OpenSearchClient client(Optional<Path> ca) {
        OpenSearchClientProducer producer = new OpenSearchClientProducer();
        producer.hosts = List.of("https://localhost:" + server.getAddress().getPort());
        producer.username = Optional.of("podsearch");
        producer.password = Optional.of("s3cret");
        producer.caFile = ca;
        producer.maxConnections = 4;
        return producer.client(new ObjectMapper());
    }

    @Test
    void trustsTheConfiguredCaAndSendsTheCredentials() throws Exception {
        OpenSearchClient client = client(Optional.of(caPem));
        try {
            assertTrue(client.ping().value());
        } finally {
            client._transport().close();
        }
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("podsearch:s3cret".getBytes(StandardCharsets.UTF_8));
        assertTrue(authorizations.contains(expected), authorizations.toString());
    }

    @Test
    void withoutTheCaTheServerIsNotTrusted() throws Exception {
        OpenSearchClient client = client(Optional.empty());
        try {
            Exception refused = assertThrows(Exception.class, () -> client.ping());
            assertTrue(
                    String.valueOf(refused.getMessage()).toLowerCase().contains("certif")
                            || refused.getClass().getName().contains("SSL"),
                    refused.toString());
        } finally {
            client._transport().close();
        }
        assertEquals(List.of(), authorizations);
    }

    @Test
    void aCaFileThatIsNotPemIsAClearError() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.txt"), "not a certificate");
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> OpenSearchClientProducer.trusting(notPem));
        assertTrue(error.getMessage().startsWith("opensearch.tls.ca-file: " + notPem), error.getMessage());
    }
}
