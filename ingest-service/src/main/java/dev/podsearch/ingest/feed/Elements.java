package dev.podsearch.ingest.feed;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small StAX steps: which element the reader is on, its text, skipping it. */
final class Elements {

    /** The Podcasting 2.0 namespace (https://podcastindex.org/namespace/1.0; some feeds write it with http). */
    private static final String PODCAST_NAMESPACE = "podcastindex.org/namespace/1.0";

    /** Longest element text kept: titles and GUIDs, not show notes. */
    private static final int MAX_TEXT = 2000;

    private Elements() {}

    /** An RSS element: no namespace. */
    static boolean isPlain(XMLStreamReader reader, String name) {
        String namespace = reader.getNamespaceURI();
        return (namespace == null || namespace.isEmpty())
                && reader.getLocalName().equals(name);
    }

    static boolean isPodcast(XMLStreamReader reader, String name) {
        String namespace = reader.getNamespaceURI();
        return namespace != null
                && namespace.contains(PODCAST_NAMESPACE)
                && reader.getLocalName().equals(name);
    }

    static String attribute(XMLStreamReader reader, String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The element's text (CDATA included, nested markup skipped), stripped; null when empty. Ends on its end tag. */
    static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1 && text.length() < MAX_TEXT) {
                        text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new FeedException("the feed uses the entity &" + reader.getLocalName()
                            + "; at line " + reader.getLocation().getLineNumber()
                            + ", which RSS does not define (only XML's own &amp; &lt; &gt; &quot; &apos; are read)");
                default -> {}
            }
        }
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Skips the element the reader is on, to its end tag. */
    static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
