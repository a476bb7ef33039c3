package dev.podsearch.query.search;

import java.time.Duration;

/**
 * Why a search had no query vector and ran by keyword: the sentence its answer carries, and the {@code reason} tag of
 * {@code podsearch_query_embedding_degraded_total}.
 */
enum EmbeddingFallback {
    DISABLED("disabled", "semantic search is disabled (embedding.enabled=false); searched by keyword"),
    LOADING("loading", "the meaning model is still loading; searched by keyword"),
    UNAVAILABLE("unavailable", "the meaning model could not be loaded; searched by keyword"),
    QUEUE_FULL("queue_full", "too many searches waiting for the meaning model; searched by keyword"),
    TIMEOUT("timeout", "the meaning model did not answer within %d ms; searched by keyword"),
    ERROR("error", "the meaning model failed on this query; searched by keyword");

    private final String tag;
    private final String sentence;

    EmbeddingFallback(String tag, String sentence) {
        this.tag = tag;
        this.sentence = sentence;
    }

    String tag() {
        return tag;
    }

    /** The sentence for the user; {@code timeout} is the one a computation had ({@code query.embedding-timeout}). */
    String sentence(Duration timeout) {
        return this == TIMEOUT ? sentence.formatted(timeout.toMillis()) : sentence;
    }
}
