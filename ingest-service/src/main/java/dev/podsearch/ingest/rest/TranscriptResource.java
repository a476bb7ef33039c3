package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.EpisodeMetadata;
import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.IngestResult;
import dev.podsearch.ingest.IngestService;
import dev.podsearch.ingest.Transcript;
import dev.podsearch.ingest.Upload;
import dev.podsearch.ingest.UploadLimit;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import dev.podsearch.support.access.Role;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/v1/transcripts")
@RolesAllowed(Role.INGEST_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptResource {

    private static final int MAX_PAGE_SIZE = 100;

    /** The HTTP layer's body limit, which the upload limit must stay below. */
    public static final String BODY_LIMIT = "quarkus.http.limits.max-body-size";

    /** What is left unread of an oversized body, below the HTTP layer's limit (which would answer a bare 413). */
    private static final long DISCARD_MARGIN = 1024 * 1024;

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig config;

    @ConfigProperty(name = BODY_LIMIT)
    MemorySize httpBodyLimit;

    @POST
    @Consumes({
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM,
        "text/vtt",
        "application/x-subrip",
        "application/srt",
        "text/srt",
        MediaType.APPLICATION_JSON,
        "application/transcript+json",
        MediaType.TEXT_HTML
    })
    @Operation(
            summary = "Upload a transcript (raw body)",
            description = "Stores the transcript and queues it for "
                    + "indexing. The format comes from format=, else the Content-Type, else the content. Answers 202 with the "
                    + "episode id, its revision and status; identical content creates no new revision.")
    public Response upload(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Same key and same request: the same answer; same key, other request: 409")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @BeanParam MetadataParams metadata) {
        byte[] content = UploadLimit.read(body, maxUploadBytes(), httpBodyLimit.asLongValue() - DISCARD_MARGIN);
        return accepted(ingest.ingest(new Upload(
                content,
                RequestValues.mediaType(contentType),
                metadata.format,
                metadata.toMetadata(),
                RequestValues.checkedKey(idempotencyKey))));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Upload a transcript (form)",
            description = "The transcript in the 'file' part; metadata in "
                    + "form fields of the same names as the query parameters (fields win over query parameters).")
    public Response uploadForm(
            @RestForm("file") FileUpload file,
            @RestForm String show,
            @RestForm String title,
            @RestForm String notes,
            @RestForm String publishedAt,
            @RestForm String audioUrl,
            @RestForm String language,
            @RestForm String externalId,
            @RestForm String speakers,
            @RestForm String format,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @BeanParam MetadataParams query) {
        if (file == null) {
            throw ProblemException.badParameter("file", "the form has no 'file' part holding the transcript");
        }
        if (file.size() > maxUploadBytes()) {
            throw new ProblemException(UploadLimit.problem(file.size(), maxUploadBytes()));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EpisodeMetadata metadata = EpisodeMetadata.of(
                RequestValues.first(show, query.show),
                RequestValues.first(title, query.title),
                RequestValues.first(notes, query.notes),
                RequestValues.first(publishedAt, query.publishedAt),
                RequestValues.first(audioUrl, query.audioUrl),
                RequestValues.first(language, query.language),
                RequestValues.first(externalId, query.externalId),
                RequestValues.first(speakers, query.speakers));
        return accepted(ingest.ingest(new Upload(
                content,
                RequestValues.mediaType(file.contentType()),
                RequestValues.first(format, query.format),
                metadata,
                RequestValues.checkedKey(idempotencyKey))));
    }

    @GET
    @Operation(summary = "List uploads, newest first", description = "Filter by status and show; page from 0.")
    public TranscriptPage list(
            @Parameter(description = "RECEIVED, PUBLISHED, INDEXED, FAILED or DELETED") @QueryParam("status")
                    String status,
            @Parameter(description = "Exact show name") @QueryParam("show") String show,
            @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("20") String size) {
        long pageIndex = RequestParameters.number("page", page, 0, Integer.MAX_VALUE);
        long pageSize = RequestParameters.number("size", size, 1, MAX_PAGE_SIZE);
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null && !status.isBlank()) {
            conditions.add("status = :status");
            parameters.and("status", RequestValues.status(status));
        }
        if (show != null && !show.isBlank()) {
            conditions.add("show = :show");
            parameters.and("show", show.strip());
        }
        var query = conditions.isEmpty()
                ? Transcript.<Transcript>findAll(Sort.descending("receivedAt"))
                : Transcript.<Transcript>find(
                        String.join(" and ", conditions), Sort.descending("receivedAt"), parameters);
        long total = query.count();
        // in long: page * size overflows an int long before page reaches its bound; past the end is an empty page
        // (and the engine's int row numbers bound what can be reached at all)
        long offset = pageIndex * pageSize;
        List<TranscriptView> items = offset >= total || offset > Integer.MAX_VALUE - pageSize
                ? List.of()
                : query.range((int) offset, (int) Math.min(offset + pageSize, total) - 1).list().stream()
                        .map(TranscriptView::of)
                        .toList();
        return new TranscriptPage(items, pageIndex, pageSize, total);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An upload's metadata, revision and status, with the time of each step")
    public TranscriptView get(@PathParam("id") String id) {
        return Transcript.<Transcript>findByIdOptional(RequestValues.parseId(id))
                .map(TranscriptView::of)
                .orElseThrow(() -> ProblemException.notFound("transcript", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Remove an episode from search",
            description = "Status becomes DELETED; the episode and " + "all its moments leave the index.")
    public Response delete(@PathParam("id") String id) {
        IngestResult result =
                ingest.delete(RequestValues.parseId(id)).orElseThrow(() -> ProblemException.notFound("transcript", id));
        return Response.accepted(result).build();
    }

    private long maxUploadBytes() {
        return config.maxUploadBytes().asLongValue();
    }

    private static Response accepted(IngestResult result) {
        return Response.accepted(result)
                .location(URI.create("/v1/transcripts/" + result.id()))
                .build();
    }

    /** A page of uploads. */
    public record TranscriptPage(List<TranscriptView> items, long page, long size, long total) {}
}
