package dev.podsearch.ingest.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads one {@code <item>}, the reader on its start tag; leaves it on the end tag. */
final class ItemReader {

    private ItemReader() {}

    static FeedItem read(XMLStreamReader reader) throws XMLStreamException {
        int line = reader.getLocation().getLineNumber();
        String guid = null;
        String title = null;
        String pubDate = null;
        String enclosure = null;
        List<TranscriptLink> transcripts = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </item>
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (Elements.isPlain(reader, "guid")) {
                guid = Elements.text(reader);
            } else if (Elements.isPlain(reader, "title")) {
                title = Elements.text(reader);
            } else if (Elements.isPlain(reader, "pubDate")) {
                pubDate = Elements.text(reader);
            } else if (Elements.isPlain(reader, "enclosure")) {
                enclosure = Elements.attribute(reader, "url");
                Elements.skip(reader);
            } else if (Elements.isPodcast(reader, "transcript")) {
                transcripts.add(new TranscriptLink(
                        Elements.attribute(reader, "url"),
                        Elements.attribute(reader, "type"),
                        Elements.attribute(reader, "language"),
                        Elements.attribute(reader, "rel")));
                Elements.skip(reader);
            } else {
                Elements.skip(reader);
            }
        }
        String id = guid != null ? guid : enclosure;
        return new FeedItem(id, title, date(pubDate), pubDate, enclosure, transcripts, line);
    }

    /** RFC 822 as RSS 2.0 says (with its two-digit-day and zone-name variants), else ISO-8601; null if neither. */
    static Instant date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
