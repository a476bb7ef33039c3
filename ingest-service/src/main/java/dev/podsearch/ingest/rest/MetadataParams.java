package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.EpisodeMetadata;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Episode metadata as query parameters of an upload. */
public class MetadataParams {
    @Parameter(description = "Show (podcast) name")
    @QueryParam("show")
    String show;

    @Parameter(description = "Episode title; default from the file when it has one")
    @QueryParam("title")
    String title;

    @Parameter(description = "Show notes; default from the file when it has them")
    @QueryParam("notes")
    String notes;

    @Parameter(description = "ISO-8601 date or date-time", example = "2026-05-17")
    @QueryParam("publishedAt")
    String publishedAt;

    @Parameter(description = "http(s) URL of the audio")
    @QueryParam("audioUrl")
    String audioUrl;

    @Parameter(description = "Language tag", example = "en")
    @QueryParam("language")
    String language;

    @Parameter(description = "Your id for the episode; uploads with the same id are revisions of one episode")
    @QueryParam("externalId")
    String externalId;

    @Parameter(description = "Comma-separated speaker names")
    @QueryParam("speakers")
    String speakers;

    @Parameter(description = "Force the format: sample, podcasting-json, vtt, srt or text")
    @QueryParam("format")
    String format;

    EpisodeMetadata toMetadata() {
        return EpisodeMetadata.of(show, title, notes, publishedAt, audioUrl, language, externalId, speakers);
    }
}
