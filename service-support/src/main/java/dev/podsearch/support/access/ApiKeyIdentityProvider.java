package dev.podsearch.support.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a key into an identity: principal = the key's public id, roles = what its role grants. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    /** The identity attribute holding the key's name. */
    public static final String KEY_NAME = "podsearch.key.name";

    /** The identity attribute holding the key's {@link Role}. */
    public static final String KEY_ROLE = "podsearch.key.role";

    /** The identity attribute holding the key's own {@link Quota}, when it was created with one. */
    public static final String KEY_QUOTA = "podsearch.key.quota";

    @Inject
    KeyVerifier verifier;

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> verifier.verify(request.key())
                .map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("no live key with this id and secret")));
    }

    private static SecurityIdentity identity(KeyOwner owner) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(owner.id()))
                .addRoles(owner.role().grants())
                .addAttribute(KEY_NAME, owner.name())
                .addAttribute(KEY_ROLE, owner.role());
        owner.quota().ifPresent(quota -> identity.addAttribute(KEY_QUOTA, quota));
        return identity.build();
    }
}
