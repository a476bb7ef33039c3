package dev.podsearch.index.admin;

import dev.podsearch.index.lease.LeaseDocument;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Rebuilding the indices, one reindex in the whole cluster at a time (the dead letters: {@link DeadLetterResource}).
 * Meant for operators, with an admin API key; and keep port 8082 inside the cluster (the deployment's network policy
 * does).
 */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    Reindexer reindexer;

    @POST
    @Path("/reindex")
    @Operation(
            summary = "Rebuild the indices with the current mappings, then swap the aliases",
            description =
                    "Runs in the background; GET /admin/reindex shows its progress. 409, naming the instance, while one"
                            + " runs on any instance.")
    public Response reindex() {
        return Response.accepted(reindexer.start()).build();
    }

    @GET
    @Path("/reindex")
    @Operation(summary = "The last reindex: phase, documents copied, errors")
    public Reindexer.Status reindexStatus() {
        Reindexer.Status status = reindexer.status();
        if (status == null) {
            String elsewhere = reindexer
                    .lease()
                    .map(held -> "; instance " + held.owner() + " holds the reindex lease until " + held.expiresAt()
                            + ": a reindex runs there")
                    .orElse("");
            throw new ProblemException(
                    404,
                    "no-reindex",
                    "No reindex has run",
                    "no reindex has run on this instance since it started" + elsewhere
                            + "; POST /admin/reindex starts one",
                    java.util.Map.of());
        }
        return status;
    }

    @GET
    @Path("/reindex/lease")
    @Operation(summary = "Which instance holds the cluster-wide reindex lease, since when and until when")
    public LeaseDocument reindexLease() {
        return reindexer
                .lease()
                .orElseThrow(() -> new ProblemException(
                        404,
                        "no-reindex-lease",
                        "No reindex runs",
                        "no instance holds the reindex lease: no reindex runs in the cluster",
                        java.util.Map.of()));
    }
}
