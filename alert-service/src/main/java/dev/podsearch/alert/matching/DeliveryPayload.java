package dev.podsearch.alert.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.Alert;
import dev.podsearch.search.MomentDocument;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The body of a webhook about one episode revision and one alert: {@code deliveryId}, the alert ({@code id, name,
 * q}), the episode ({@code id, revision, title, show, publishedAt, link}) and the matching moments ({@code startMs,
 * text, highlight} (HTML-escaped, the matches in {@code <mark>}), {@code link, matchedBy}: words or meaning).
 */
final class DeliveryPayload {

    private DeliveryPayload() {}

    static ObjectNode of(
            ObjectMapper json,
            UUID deliveryId,
            Alert alert,
            String episodeId,
            long revision,
            List<ObjectNode> moments,
            List<Percolator.Match> matches,
            URI publicUrl,
            String matchedBy) {
        ObjectNode body = json.createObjectNode();
        body.put("deliveryId", deliveryId.toString());
        ObjectNode about = body.putObject("alert");
        about.put("id", alert.id.toString()).put("name", alert.name).put("q", alert.q);
        ObjectNode first = moments.get(matches.getFirst().moment());
        ObjectNode episode = body.putObject("episode");
        episode.put("id", episodeId).put("revision", revision);
        episode.set("title", first.path("title"));
        episode.set("show", first.path("show"));
        episode.set("publishedAt", first.path("publishedAt"));
        episode.put("link", publicUrl.resolve("/episodes/" + episodeId).toString());
        var list = body.putArray("moments");
        for (Percolator.Match match : matches) {
            ObjectNode moment = moments.get(match.moment());
            String text = moment.path("text").asText();
            long startMs = moment.path("startMs").asLong();
            list.addObject()
                    .put("startMs", startMs)
                    .put("text", text)
                    .put("highlight", highlight(match.highlight() != null ? match.highlight() : text))
                    .put(
                            "link",
                            link(publicUrl, episodeId, moment.path("audioUrl").asText(null), startMs))
                    .put("matchedBy", matchedBy);
        }
        return body;
    }

    /** The search's rule: the audio at that second, else the transcript around the moment. */
    static String link(URI publicUrl, String episodeId, String audioUrl, long startMs) {
        if (audioUrl != null) {
            return audioUrl + "#t=" + startMs / 1000;
        }
        return publicUrl
                .resolve("/v1/episodes/" + episodeId + "/moments?at=" + startMs + "&context=2")
                .toString();
    }

    /** The text HTML-escaped, the engine's match markers as {@code <mark>}. */
    static String highlight(String marked) {
        StringBuilder out = new StringBuilder(marked.length() + 16);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case MomentDocument.MARK_START -> out.append("<mark>");
                case MomentDocument.MARK_END -> out.append("</mark>");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
