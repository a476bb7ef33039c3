package dev.podsearch.alert.access;

import dev.podsearch.testing.access.UnmarkedFixture;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A fixture, not a hole: a route with no security annotation, served only under {@link UnmarkedFixture}. */
@Path("/v1/unmarked-fixture")
@IfBuildProperty(name = UnmarkedFixture.PROPERTY, stringValue = "true")
public class UnmarkedResource {

    @GET
    public String unmarked() {
        return UnmarkedFixture.NEVER;
    }
}
