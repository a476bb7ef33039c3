package dev.podsearch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    static String fixture(String name) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FeedDocument parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String xml) {
        return assertThrows(FeedException.class, () -> parse(xml)).getMessage();
    }

    @Test
    void readsTheChannelAndEveryItemWithItsTranscripts() {
        FeedDocument feed = parse(fixture("feed-v1.xml").replace("{{base}}", "https://t.example"));

        assertEquals("Tidewater Notes", feed.title());
        assertEquals("en", feed.language());
        assertEquals(
                List.of("tidewater-001", "tidewater-002", "tidewater-003", "tidewater-004", "tidewater-005"),
                feed.items().stream().map(FeedItem::guid).toList());
        FeedItem first = feed.items().getFirst();
        assertEquals("Salt Marsh Mornings", first.title());
        assertEquals(Instant.parse("2026-03-03T06:00:00Z"), first.publishedAt());
        assertEquals("https://cdn.tidewater.example/001.mp3", first.enclosureUrl());
        assertEquals(3, first.transcripts().size());
        assertEquals("Fog Signals & Foghorns", feed.items().get(3).title()); // CDATA
        assertEquals(Instant.parse("2026-03-10T06:00:00Z"), feed.items().get(1).publishedAt()); // +0000 zone
    }

    @Test
    void picksTheRichestFormatOffered() {
        List<FeedItem> items = parse(fixture("feed-v1.xml").replace("{{base}}", "https://t.example"))
                .items();

        assertEquals("https://t.example/t/001.json", best(items.get(0)).url()); // JSON over VTT and SRT
        TranscriptLink captions = best(items.get(1)); // VTT over SRT, and it says it is captions
        assertEquals("text/vtt", captions.mediaType());
        assertTrue(captions.captions());
        assertEquals("application/x-subrip", best(items.get(2)).mediaType()); // SRT over text
        assertEquals("pt-BR", best(items.get(3)).language()); // HTML, the only one
        assertTrue(items.get(4).bestTranscript().isEmpty());
    }

    @Test
    void aTypeThisServiceCannotReadIsNeverChosen() {
        FeedItem item = new FeedItem(
                "g",
                "t",
                null,
                null,
                null,
                List.of(new TranscriptLink("https://x/a.pdf", "application/pdf", null, null)),
                1);

        assertTrue(item.bestTranscript().isEmpty());
        assertEquals(
                "https://x/b.srt",
                new FeedItem(
                                "g",
                                "t",
                                null,
                                null,
                                null,
                                List.of(
                                        new TranscriptLink("https://x/a.pdf", "application/pdf", null, null),
                                        new TranscriptLink(
                                                "https://x/b.srt", "application/srt; charset=utf-8", null, null)),
                                1)
                        .bestTranscript()
                        .orElseThrow()
                        .url());
    }

    @Test
    void anItemWithoutGuidIsKnownByItsEnclosureAndABadDateIsNoDate() {
        FeedDocument feed = parse("<rss><channel><title>S</title><item><title>A</title><pubDate>last Tuesday</pubDate>"
                + "<enclosure url='https://a.example/1.mp3'/></item></channel></rss>");

        FeedItem item = feed.items().getFirst();
        assertEquals("https://a.example/1.mp3", item.guid());
        assertNull(item.publishedAt());
        assertEquals("last Tuesday", item.pubDateText());
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss><channel><title>&xxe;</title></channel></rss>";

        String reason = refusal(xxe);

        assertTrue(reason.startsWith("the feed declares a DTD"), reason);
        assertTrue(!reason.contains("root:"), "nothing of the file is read");
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            laughs.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(previous.repeat(10))
                    .append("\">\n");
        }
        laughs.append("]>\n<rss><channel><title>&lol9;</title></channel></rss>");

        assertTrue(refusal(laughs.toString()).startsWith("the feed declares a DTD"));
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://169.254.169.254/latest/meta-data\">\n"
                + "<rss><channel><title>x</title></channel></rss>";

        assertTrue(refusal(xml).startsWith("the feed declares a DTD"));
    }

    @Test
    void anUndeclaredEntityIsRefusedWithItsLine() {
        String reason = refusal("<rss><channel>\n<title>a &nbsp; b</title></channel></rss>");

        assertTrue(reason.contains("line 2"), reason);
        assertTrue(reason.contains("nbsp"), reason);
    }

    @Test
    void saysWhatADocumentIsWhenItIsNotAFeed() {
        assertEquals(
                "not a feed: the URL answers an HTML page; give the feed's own URL",
                refusal("<html><body>Welcome</body></html>"));
        assertEquals(
                "an Atom feed: only RSS 2.0 feeds carry podcast:transcript tags",
                refusal("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>"));
        assertEquals("not an RSS feed: the <rss> element has no <channel>", refusal("<rss version=\"2.0\"/>"));
        String broken = refusal("<rss><channel>\n<title>x</channel></rss>");
        assertTrue(broken.startsWith("not well-formed XML at line 2"), broken);
        assertTrue(refusal("{\"not\": \"xml\"}").startsWith("not well-formed XML"));
    }

    private static TranscriptLink best(FeedItem item) {
        return item.bestTranscript().orElseThrow();
    }
}
