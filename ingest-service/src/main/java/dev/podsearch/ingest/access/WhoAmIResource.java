package dev.podsearch.ingest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podsearch.support.access.ApiKeyIdentityProvider;
import dev.podsearch.support.access.Quota;
import dev.podsearch.support.access.Role;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The key a request carries: its id, name and role; 401 for any key that is not live. Index-service and
 * query-service check keys here (dev.podsearch.support.access.RemoteKeyVerifier); clients may use it to test a key.
 */
@Path("/v1/access/whoami")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    /** {@code rate}: the key's own quota, absent when it has its role's. */
    public record Whoami(String id, String name, String role, @JsonInclude(JsonInclude.Include.NON_NULL) String rate) {}

    @GET
    @Operation(summary = "The key this request carries")
    public Whoami whoami() {
        Role role = identity.getAttribute(ApiKeyIdentityProvider.KEY_ROLE);
        String name = identity.getAttribute(ApiKeyIdentityProvider.KEY_NAME);
        Quota quota = identity.getAttribute(ApiKeyIdentityProvider.KEY_QUOTA);
        return new Whoami(identity.getPrincipal().getName(), name, role.label(), quota == null ? null : quota.label());
    }
}
