package dev.podsearch.ingest.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 with the Podcasting 2.0 namespace, streaming (StAX, the JDK's own parser). A document that declares a
 * DTD is refused before anything is read from it: RSS needs none, and a DTD is how external entities (XXE: files,
 * internal URLs) and entity expansion ("billion laughs") get in; external entities, DTD loading and schema access are
 * also switched off in the factory. The caller bounds the size of the bytes.
 */
public final class FeedParser {

    private static final XMLInputFactory FACTORY = factory();

    private FeedParser() {}

    public static FeedDocument parse(byte[] xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new FeedException(
                    "not well-formed XML" + (line > 0 ? " at line " + line : "") + ": " + cleanMessage(e.getMessage()));
        }
    }

    private static FeedDocument read(XMLStreamReader reader) throws XMLStreamException {
        String root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new FeedException("the feed declares a DTD (<!DOCTYPE ...>), which is refused: RSS needs none,"
                        + " and DTDs carry external entities and entity expansion");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (root == null) {
                root = name;
                checkRoot(name);
            } else if (name.equals("channel")) {
                return new ChannelReader(reader).read();
            } else {
                Elements.skip(reader);
            }
        }
        throw new FeedException("not an RSS feed: the <rss> element has no <channel>");
    }

    private static void checkRoot(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "rss" -> {}
            case "feed" -> throw new FeedException("an Atom feed: only RSS 2.0 feeds carry podcast:transcript tags");
            case "html" -> throw new FeedException("not a feed: the URL answers an HTML page; give the feed's own URL");
            default -> throw new FeedException("not an RSS feed: the document's root element is <" + name + ">");
        }
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "unreadable";
        }
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + 9) : message).strip();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's, whatever else is on the class path
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** The channel's children: its title and language, and each item. */
    private record ChannelReader(XMLStreamReader reader) {

        FeedDocument read() throws XMLStreamException {
            String title = null;
            String language = null;
            List<FeedItem> items = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break; // </channel>
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (Elements.isPlain(reader, "title")) {
                    title = Elements.text(reader);
                } else if (Elements.isPlain(reader, "language")) {
                    language = Elements.text(reader);
                } else if (Elements.isPlain(reader, "item")) {
                    items.add(ItemReader.read(reader));
                } else {
                    Elements.skip(reader);
                }
            }
            return new FeedDocument(title, language, items);
        }
    }
}
