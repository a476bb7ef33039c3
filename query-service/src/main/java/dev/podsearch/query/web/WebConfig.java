package dev.podsearch.query.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web app's settings ({@code web.*} in application.properties), handed to the page by {@code GET /app-config}. */
@ConfigMapping(prefix = "web")
public interface WebConfig {

    /**
     * Where the upload page sends transcripts (the ingest service's base URL, as the browser reaches it). {@code /}:
     * the page's own origin, for an ingress that routes {@code /v1/transcripts} to the ingest service (the Kubernetes
     * manifests). On another origin, the ingest service must allow this page's ({@code quarkus.http.cors.origins}).
     */
    @WithDefault("http://127.0.0.1:8081")
    String ingestUrl();
}
