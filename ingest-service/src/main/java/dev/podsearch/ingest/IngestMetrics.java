package dev.podsearch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What arrives, on {@code /q/metrics}: {@code podsearch_ingest_uploads_total{format, outcome}} (outcome
 * {@code created}: a new revision, {@code unchanged}: the content was already stored, {@code rejected}: refused with a
 * problem; format {@code unknown} when it was refused before its format was known),
 * {@code podsearch_ingest_upload_bytes} (sizes of the transcripts read, uploads and dropped files alike) and
 * {@code podsearch_ingest_drop_files_total{outcome=done|failed}}, {@code podsearch_ingest_feed_polls_total{result}},
 * {@code podsearch_ingest_freshness_seconds} and
 * {@code podsearch_ingest_publish_lag_seconds}.
 */
@ApplicationScoped
public class IngestMetrics {

    @Inject
    MeterRegistry registry;

    /** One transcript read and either stored ({@code result} non-null) or refused. */
    public void upload(String format, IngestResult result, int bytes) {
        String outcome = result == null ? "rejected" : result.created() ? "created" : "unchanged";
        Counter.builder(IngestFacts.UPLOADS)
                .description("Transcripts received, by format and outcome")
                .tag("format", format == null ? "unknown" : format)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        DistributionSummary.builder(IngestFacts.UPLOAD_BYTES)
                .description("Size of the transcripts received")
                .baseUnit("bytes")
                .register(registry)
                .record(bytes);
    }

    /**
     * An upload's revision became searchable ({@code INDEXED} applied the first time): the time from its receipt to
     * the indexer's write, {@code podsearch_ingest_freshness_seconds}.
     */
    public void freshness(java.time.Duration receivedToIndexed) {
        Timer.builder(IngestFacts.FRESHNESS)
                .description("Time from an upload's receipt to its revision being indexed")
                .publishPercentileHistogram()
                .register(registry)
                .record(receivedToIndexed.isNegative() ? java.time.Duration.ZERO : receivedToIndexed);
    }

    /**
     * An outbox event Kafka acknowledged: the time from its upload's commit to the acknowledgement,
     * {@code podsearch_ingest_publish_lag_seconds} (the relay's polling, backoff after failures and Kafka's own time).
     */
    public void published(java.time.Duration createdToAcknowledged) {
        Timer.builder(IngestFacts.PUBLISH_LAG)
                .description("Time from an outbox event's commit to Kafka's acknowledgement of it")
                .publishPercentileHistogram()
                .register(registry)
                .record(createdToAcknowledged.isNegative() ? java.time.Duration.ZERO : createdToAcknowledged);
    }

    /** A dropped file that ended in {@code done/} or {@code failed/}. */
    public void dropFile(String outcome) {
        Counter.builder(IngestFacts.DROP_FILES)
                .description("Files of the drop folder, by where they ended")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A feed poll that ended with {@code result} ({@code UPDATED}, {@code NOT_MODIFIED}, {@code FAILED}, ...). */
    public void feedPoll(String result) {
        Counter.builder(IngestFacts.FEED_POLLS)
                .description("Polls of subscribed feeds, by result")
                .tag("result", result)
                .register(registry)
                .increment();
    }
}
