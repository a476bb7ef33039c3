package dev.podsearch.ingest.access;

import dev.podsearch.support.access.ApiKeyIdentityProvider;
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

    public record Whoami(String id, String name, String role) {}

    @GET
    @Operation(summary = "The key this request carries")
    public Whoami whoami() {
        Role role = identity.getAttribute(ApiKeyIdentityProvider.KEY_ROLE);
        String name = identity.getAttribute(ApiKeyIdentityProvider.KEY_NAME);
        return new Whoami(identity.getPrincipal().getName(), name, role.label());
    }
}
