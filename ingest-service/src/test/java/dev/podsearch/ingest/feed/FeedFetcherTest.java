package dev.podsearch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.outbound.OutboundUrlGuard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a local server: the guard is asked before any connection, sizes hold after gzip. */
class FeedFetcherTest {

    private final FeedServer server = new FeedServer();
    private final FeedFetcher allowingLoopback = new FeedFetcher(
            OutboundUrlGuard.allowing(List.of("127.0.0.0/8")), Duration.ofSeconds(2), Duration.ofSeconds(5), 2);

    @AfterEach
    void close() {
        allowingLoopback.close();
        server.close();
    }

    @Test
    void loopbackIsRefusedByDefaultWithoutAConnection() {
        server.route("/feed.xml", s -> "<rss/>".getBytes(StandardCharsets.UTF_8));
        try (FeedFetcher strict =
                new FeedFetcher(OutboundUrlGuard.strict(), Duration.ofSeconds(2), Duration.ofSeconds(5), 2)) {

            FeedException refused = assertThrows(
                    FeedException.class, () -> strict.get(server.base() + "/feed.xml", "the feed", null, null, 1000));

            assertTrue(refused.getMessage().contains("a loopback address"), refused.getMessage());
            assertEquals(0, server.seen.size());
        }
    }

    @Test
    void decompressesGzipAndBoundsTheDecompressedSize() {
        byte[] feed = ("<rss>" + "a".repeat(5000) + "</rss>").getBytes(StandardCharsets.UTF_8);
        server.route("/feed.xml", s -> feed);

        Fetched fetched = allowingLoopback.get(server.base() + "/feed.xml", "the feed", null, null, 10_000);

        assertArrayEquals(feed, fetched.body());
        assertEquals("gzip", server.seen.getFirst().acceptEncoding());
        FeedException bomb = assertThrows(
                FeedException.class,
                () -> allowingLoopback.get(server.base() + "/feed.xml", "the feed", null, null, 1000));
        assertEquals("the feed is larger than 1000 bytes, the limit (decompressed)", bomb.getMessage());
    }

    @Test
    void sendsTheValidatorsAndReportsNotModified() {
        server.route("/t/a.srt", s -> "1\n00:00:01,000 --> 00:00:02,000\nhi\n".getBytes(StandardCharsets.UTF_8));
        Fetched first = allowingLoopback.get(server.base() + "/t/a.srt", "the transcript", null, null, 1000);

        Fetched again = allowingLoopback.get(
                server.base() + "/t/a.srt", "the transcript", first.etag(), first.lastModified(), 1000);

        assertTrue(again.notModified());
        assertEquals(first.etag(), server.seen.getLast().ifNoneMatch());
    }

    @Test
    void followsRelativeRedirectsUpToTheLimit() {
        server.route("/feed.xml", s -> "<rss/>".getBytes(StandardCharsets.UTF_8))
                .redirect("/old.xml", "/older.xml")
                .redirect("/older.xml", "feed.xml")
                .redirect("/a.xml", "/b.xml")
                .redirect("/b.xml", "/c.xml")
                .redirect("/c.xml", "/feed.xml");

        assertEquals(
                "<rss/>",
                new String(
                        allowingLoopback
                                .get(server.base() + "/old.xml", "the feed", null, null, 100)
                                .body(),
                        StandardCharsets.UTF_8));
        FeedException tooMany = assertThrows(
                FeedException.class, () -> allowingLoopback.get(server.base() + "/a.xml", "the feed", null, null, 100));
        assertEquals("the feed redirects more than 2 times", tooMany.getMessage());
    }
}
