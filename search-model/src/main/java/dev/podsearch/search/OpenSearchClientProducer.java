package dev.podsearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The typed OpenSearch client, configured by {@code opensearch.hosts} (comma-separated URLs, http or https) and,
 * where the cluster has security enabled, {@code opensearch.username} / {@code opensearch.password}.
 */
@ApplicationScoped
public class OpenSearchClientProducer {

    @ConfigProperty(name = "opensearch.hosts", defaultValue = "http://127.0.0.1:9200")
    List<String> hosts;

    @ConfigProperty(name = "opensearch.username")
    Optional<String> username;

    @ConfigProperty(name = "opensearch.password")
    Optional<String> password;

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
        builder.setHttpClientConfigCallback(
                http -> http.setDefaultCredentialsProvider(credentials).setIOReactorConfig(reactor));
        return new OpenSearchClient(builder.build());
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
