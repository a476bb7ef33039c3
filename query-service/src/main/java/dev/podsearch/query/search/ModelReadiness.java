package dev.podsearch.query.search;

import dev.podsearch.embed.Embeddings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the embedding model loads (a few seconds from start), so a new instance gets no searches it would
 * answer by keyword only. Ready once loaded, and when disabled. A model that failed to load for good stays ready: the
 * failure is a configuration error a restart would repeat, keeping every instance out of service would end searching
 * altogether, and by keyword it still works; the check's {@code state} and {@code searches} say so, as does each
 * search's answer ({@code degraded}) and the log (what to fix).
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    static final String NAME = "embedding-model";

    @Inject
    Embeddings embeddings;

    @Override
    public HealthCheckResponse call() {
        Embeddings.State state = embeddings.state();
        return HealthCheckResponse.named(NAME)
                .status(state != Embeddings.State.LOADING)
                .withData("state", state.name().toLowerCase(Locale.ROOT))
                .withData(
                        "searches",
                        switch (state) {
                            case LOADED -> "by meaning and keyword";
                            case LOADING -> "by keyword until the model has loaded";
                            case DISABLED -> "by keyword (embedding.enabled=false)";
                            case FAILED -> "by keyword: the model could not be loaded (see the log)";
                        })
                .build();
    }
}
