package dev.podsearch.query.access;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * When search is private ({@code query.require-key=true}, a run-time setting), the API document says so: every /v1
 * operation requires the {@code apiKey} bearer scheme and may answer 401 and 403, so Swagger UI sends the key it was
 * given with Authorize. Public search (the default) leaves the document as built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class PrivateSearchOpenApi implements OASFilter {

    static final String SCHEME = "apiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean required = ConfigProvider.getConfig()
                .getOptionalValue("query.require-key", Boolean.class)
                .orElse(false);
        if (!required || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().values().forEach(PrivateSearchOpenApi::requireKey);
            }
        });
    }

    private static void requireKey(Operation operation) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        operation
                .getResponses()
                .addAPIResponse(
                        "401", OASFactory.createAPIResponse().description("No key, or not a valid one (problem+json)"))
                .addAPIResponse("403", OASFactory.createAPIResponse().description("The key's role may not search"));
    }
}
