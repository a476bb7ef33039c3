package dev.podsearch.index.admin;

import dev.podsearch.index.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A dead-lettered record: where it is, why it is there, and what it was (its headers, not its body). */
public record DeadLetter(
        int partition,
        long offset,
        String key,
        Instant deadAt,
        String errorClass,
        String reason,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        Integer attempts,
        int bytes) {

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        Long originalPartition = number(header(record, DeadLetters.ORIGINAL_PARTITION));
        Long attempts = number(header(record, DeadLetters.ATTEMPTS));
        return new DeadLetter(
                record.partition(),
                record.offset(),
                record.key(),
                Instant.ofEpochMilli(record.timestamp()),
                header(record, DeadLetters.ERROR_CLASS),
                header(record, DeadLetters.REASON),
                header(record, DeadLetters.ORIGINAL_TOPIC),
                originalPartition == null ? null : originalPartition.intValue(),
                number(header(record, DeadLetters.ORIGINAL_OFFSET)),
                attempts == null ? null : attempts.intValue(),
                record.value() == null ? 0 : record.value().length);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
