package dev.podsearch.index.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a {@code _bulk} answer as a stream (asked with {@link #FILTER}): one {@link BulkItem} per operation. */
final class BulkAnswer {

    /** What a {@code _bulk} answer is read for: the status and error of each item, in request order. */
    static final String FILTER =
            "filter_path=errors,items.*.status,items.*._id,items.*.error.type,items.*.error.reason";

    private BulkAnswer() {}

    /**
     * The items of an answer to {@code expected} operations: when {@code errors} is false (it comes first) nothing
     * more is read and every item is {@link BulkItem#OK}; otherwise every item, in order, so that item i is operation
     * i of the request.
     */
    static List<BulkItem> read(ObjectMapper json, InputStream in, int expected) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a _bulk answer that is not a JSON object");
            }
            List<BulkItem> items = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("errors")) {
                    if (!parser.getBooleanValue()) {
                        return Collections.nCopies(expected, BulkItem.OK);
                    }
                } else if (field.equals("items")) {
                    items = new ArrayList<>(expected);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.nextToken(); // the action name
                        parser.nextToken();
                        items.add(item(json.readTree(parser)));
                        parser.nextToken(); // end of the item
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (items == null || items.size() != expected) {
                throw new IndexingException(
                        "a _bulk answer with " + (items == null ? "no" : items.size()) + " items for " + expected
                                + " operations",
                        true,
                        null);
            }
            return items;
        }
    }

    private static BulkItem item(JsonNode item) {
        JsonNode error = item.path("error");
        return new BulkItem(
                item.path("_id").asText(),
                item.path("status").asInt(),
                error.isMissingNode() ? null : error.path("type").asText(),
                error.path("reason").asText());
    }
}
