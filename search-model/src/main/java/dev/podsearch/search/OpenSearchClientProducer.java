package dev.podsearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The typed OpenSearch client, configured by {@code opensearch.hosts} (comma-separated URLs, http or https), where
 * the cluster has security enabled {@code opensearch.username} / {@code opensearch.password}, and for a cluster whose
 * certificate a private CA signed (the OpenSearch operator's) {@code opensearch.tls.ca-file}.
 */
@ApplicationScoped
public class OpenSearchClientProducer {

    @ConfigProperty(name = OpenSearchKeys.HOSTS, defaultValue = "http://127.0.0.1:9200")
    List<String> hosts;

    @ConfigProperty(name = OpenSearchKeys.USERNAME)
    Optional<String> username;

    @ConfigProperty(name = OpenSearchKeys.PASSWORD)
    Optional<String> password;

    /** PEM file of the CA(s) that signed the cluster's HTTP certificate; without it, the JVM's default trust. */
    @ConfigProperty(name = OpenSearchKeys.CA_FILE)
    Optional<Path> caFile;

    /** Connections to the cluster, per node and in all (requests in flight beyond this wait for one). */
    @ConfigProperty(name = OpenSearchKeys.MAX_CONNECTIONS, defaultValue = "32")
    int maxConnections;

    @Produces
    @Singleton
    OpenSearchClient client(ObjectMapper objectMapper) {
        HttpHost[] httpHosts =
                hosts.stream().map(OpenSearchClientProducer::host).toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(httpHosts)
                .setMapper(new JacksonJsonpMapper(objectMapper.copy()));
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (username.isPresent()) {
            for (HttpHost host : httpHosts) {
                credentials.setCredentials(
                        new AuthScope(host),
                        new UsernamePasswordCredentials(
                                username.get(), password.orElse("").toCharArray()));
            }
        }
        // small requests go out at once (no Nagle delay waiting for the previous segment's acknowledgement)
        IOReactorConfig reactor = IOReactorConfig.custom().setTcpNoDelay(true).build();
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(maxConnections)
                .setMaxConnTotal(maxConnections * httpHosts.length)
                .setTlsStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(caFile.map(OpenSearchClientProducer::trusting)
                                .orElseGet(OpenSearchClientProducer::defaultTls))
                        .build())
                .build();
        builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials)
                .setIOReactorConfig(reactor)
                .setConnectionManager(connections));
        return new OpenSearchClient(builder.build());
    }

    /** An SSL context that trusts the certificates in a PEM file (and only those). */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("opensearch.tls.ca-file: " + pem + " holds no PEM certificate");
            }
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("opensearch.tls.ca-file: cannot read " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "opensearch.tls.ca-file: " + pem + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void close(@Disposes OpenSearchClient client) throws IOException {
        OpenSearchTransport transport = client._transport();
        transport.close();
    }

    private static HttpHost host(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("opensearch.hosts: '" + url + "' is not an http(s)://host:port URL");
        }
        return new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 9200);
    }
}
