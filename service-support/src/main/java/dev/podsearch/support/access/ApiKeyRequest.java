package dev.podsearch.support.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The credential {@link ApiKeyMechanism} hands to {@link ApiKeyIdentityProvider}. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final ApiKey key;

    public ApiKeyRequest(ApiKey key) {
        this.key = key;
    }

    public ApiKey key() {
        return key;
    }
}
