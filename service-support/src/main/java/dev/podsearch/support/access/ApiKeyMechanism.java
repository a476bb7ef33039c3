package dev.podsearch.support.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key>}. No header: the caller is anonymous (public endpoints answer, protected
 * ones 401), or another service when it carries the shared {@link ServiceToken}. A header that is not a key of ours fails authentication at once, without asking anyone.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    /** The challenge of every 401. */
    public static final String CHALLENGE = "Bearer realm=\"podsearch\"";

    private static final String BEARER = "Bearer ";

    private static final SecurityIdentity SERVICE = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(ServiceToken.ROLE))
            .addRole(ServiceToken.ROLE)
            .build();

    @Inject
    ServiceToken serviceToken;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            // the token is another service's identity on the one route made for it, the revocation list; elsewhere
            // (whoami included) a request without a key is anonymous, token or not
            boolean revocations = context.request().method() == HttpMethod.GET
                    && KeyCheckClient.REVOCATIONS_PATH.equals(context.request().path());
            return revocations && serviceToken.carries(context.request().getHeader(ServiceToken.HEADER))
                    ? Uni.createFrom().item(SERVICE)
                    : Uni.createFrom().optional(Optional.empty());
        }
        Optional<ApiKey> key = bearerToken(header).flatMap(ApiKey::parse);
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not an API key"));
        }
        return identities.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key.get()), context));
    }

    /** The token after {@code Bearer } (the scheme is case-insensitive), if the header has that form. */
    public static Optional<String> bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
