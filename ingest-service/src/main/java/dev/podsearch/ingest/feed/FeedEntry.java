package dev.podsearch.ingest.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item a feed listed: the transcript chosen for it, what became of it (episode or error), its validators. */
@Entity
@Table(name = "feed_item")
public class FeedEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "feed_id")
    public UUID feedId;

    public String guid;
    public String title;

    @Column(name = "transcript_url")
    public String transcriptUrl;

    @Column(name = "transcript_type")
    public String transcriptType;

    public boolean captions;

    @Column(name = "transcript_etag")
    public String transcriptEtag;

    @Column(name = "transcript_last_modified")
    public String transcriptLastModified;

    /** The metadata the stored revision was made with, as {@link EntryIngest} writes it. */
    @Column(name = "metadata_key")
    public String metadataKey;

    @Column(name = "episode_id")
    public UUID episodeId;

    public Long revision;
    public String error;

    /** False once the item left the feed; its episode stays searchable. */
    @Column(name = "in_feed")
    public boolean inFeed;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<FeedEntry> ofFeed(UUID feedId) {
        return list("feedId = ?1 order by updatedAt desc, guid", feedId);
    }
}
