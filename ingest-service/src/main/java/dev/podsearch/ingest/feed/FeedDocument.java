package dev.podsearch.ingest.feed;

import java.util.List;

/** What an RSS 2.0 feed says: its channel's title and language, and its items in feed order. */
public record FeedDocument(String title, String language, List<FeedItem> items) {

    public FeedDocument {
        items = List.copyOf(items);
    }
}
