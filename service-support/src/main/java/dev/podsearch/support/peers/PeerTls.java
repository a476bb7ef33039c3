package dev.podsearch.support.peers;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The TLS the calls between the services use: an {@link SSLContext} from the TLS registry's configuration named by
 * {@code peers.tls-configuration-name} (its trust store: the CA that signed the other services' certificates), or
 * the JVM's default. A name with no such configuration, or one without a trust store, stops the service at start
 * instead of failing every call later.
 */
@ApplicationScoped
public class PeerTls {

    @Inject
    PeerConfig config;

    @Inject
    TlsConfigurationRegistry registry;

    private volatile Optional<SSLContext> context;

    void check(@Observes StartupEvent start) {
        context();
    }

    /** The context that trusts the peers' CA, when one is configured. */
    public Optional<SSLContext> context() {
        if (context == null) {
            context = config.tlsConfigurationName().map(this::create);
        }
        return context;
    }

    /** An HTTP client for calls to the other services, trusting what {@link #context()} trusts. */
    public HttpClient client(Duration connectTimeout) {
        return client(context(), connectTimeout);
    }

    /** An HTTP client with this connect timeout that trusts {@code tls}'s CAs (the JVM's without one). */
    public static HttpClient client(Optional<SSLContext> tls, Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        tls.ifPresent(builder::sslContext);
        return builder.build();
    }

    private SSLContext create(String name) {
        TlsConfiguration tls = registry.get(name)
                .orElseThrow(() -> new IllegalStateException("peers.tls-configuration-name is '" + name
                        + "', but there is no TLS configuration of that name (quarkus.tls." + name + ".*)"));
        if (tls.getTrustStore() == null) {
            throw new IllegalStateException("peers.tls-configuration-name: quarkus.tls." + name
                    + " has no trust store (quarkus.tls." + name + ".trust-store.pem.certs: the peers' CA)");
        }
        try {
            return tls.createSSLContext();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "peers.tls-configuration-name: quarkus.tls." + name + " gives no SSL context: " + e.getMessage(),
                    e);
        }
    }
}
