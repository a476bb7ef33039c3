package dev.podsearch.query.web;

import dev.podsearch.query.QueryConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web app's own paths: its views other than {@code /} ({@code /episodes/{id}}, {@code /upload}) answer the same
 * page as {@code /} (the page picks the view from the path), and {@code /app-config} tells the page its settings.
 */
@Path("/")
public class WebAppResource {

    private static final String PAGE = "META-INF/resources/index.html";

    @Inject
    WebConfig web;

    @Inject
    QueryConfig query;

    /** What the page needs to know: where uploads go, and whether searching needs a key. */
    public record AppConfig(String ingestUrl, boolean requireKey) {}

    @GET
    @Path("app-config")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The web page's settings", hidden = true)
    public AppConfig config() {
        return new AppConfig(web.ingestUrl(), query.requireKey());
    }

    @GET
    @Path("episodes/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public InputStream episodePage(@PathParam("id") String id) {
        return page();
    }

    @GET
    @Path("upload")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public InputStream uploadPage() {
        return page();
    }

    private static InputStream page() {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE);
    }
}
