package dev.podsearch.query.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saved search to compile: the same query syntax and filters as {@code /v1/search} ({@code lang} one tag here).
 *
 * @param mode keyword (words only) or hybrid (words, and meaning: the answer carries the query's vector)
 */
@Schema(description = "A search to compile into the query one moment must match")
public record CompileRequest(
        @Schema(description = "What was said, in /v1/search's syntax", example = "\"fog horn\" -ship") String q,
        @Schema(description = "Only these shows (any of them)") List<String> show,
        @Schema(description = "Only moments of these speakers (any of them)") List<String> speaker,
        @Schema(description = "Only episodes in this language (a tag such as en or pt-BR)", example = "en") String lang,
        @Schema(description = "keyword or hybrid (default keyword)", example = "hybrid") String mode) {}
