package dev.podsearch.index.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The lines of {@code _bulk} operations, serialized once when a batch is planned so that writing only concatenates.
 * Every operation carries the revision as its external version.
 */
final class BulkLines {

    /** Refused (409) unless the stored version is older: the default for every write and delete. */
    static final String EXTERNAL = "external";

    /**
     * Also applies over the same version: for the first write of a revision (over a rolled back attempt of it) and
     * for rolling one back.
     */
    static final String EXTERNAL_GTE = "external_gte";

    /** Documents as the typed client writes them: no null fields. */
    private final ObjectMapper documents;

    BulkLines(ObjectMapper json) {
        this.documents = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Writes a document: its two lines. */
    byte[] index(String index, String id, long version, String versionType, Object document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = documents.createGenerator(out)) {
            action(generator, "index", index, id, version, versionType);
            generator.writeRaw('\n');
            generator.writeObject(document);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Deletes a document whose version is older than {@code version} (or equal, with {@link #EXTERNAL_GTE}). */
    byte[] delete(String index, String id, long version, String versionType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator generator = documents.createGenerator(out)) {
            action(generator, "delete", index, id, version, versionType);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void action(
            JsonGenerator generator, String action, String index, String id, long version, String versionType)
            throws IOException {
        generator.writeStartObject();
        generator.writeObjectFieldStart(action);
        generator.writeStringField("_index", index);
        generator.writeStringField("_id", id);
        generator.writeNumberField("version", version);
        generator.writeStringField("version_type", versionType);
        generator.writeEndObject();
        generator.writeEndObject();
    }
}
