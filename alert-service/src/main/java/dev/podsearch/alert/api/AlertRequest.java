package dev.podsearch.alert.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saved search as a client writes it (create), or the fields to change (PATCH: absent fields stay as they are).
 *
 * @param mode {@code keyword} (words only, the default) or {@code hybrid} (words, and meaning: see docs/api.md)
 */
@Schema(description = "A saved search: /v1/search's query syntax and filters, and where to deliver what it finds")
public record AlertRequest(
        @Schema(description = "A name for people", example = "Chip layoffs") String name,
        @Schema(description = "What was said, in /v1/search's syntax", example = "layoffs \"chip makers\" -rumour")
                String q,
        @Schema(description = "Only these shows (any of them)") List<String> show,
        @Schema(description = "Only moments of these speakers (any of them)") List<String> speaker,
        @Schema(description = "Only episodes in this language (en, pt-BR)", example = "en") String lang,
        @Schema(description = "keyword (default) or hybrid", example = "keyword") String mode,
        @Schema(
                        description = "Where the webhooks go: http(s), a public address",
                        example = "https://hooks.example.org/podsearch")
                String webhookUrl) {}
