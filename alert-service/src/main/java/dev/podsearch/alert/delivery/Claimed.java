package dev.podsearch.alert.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery this replica claimed, with what it takes to send it: its alert's webhook URL and secret. */
record Claimed(
        UUID id,
        UUID alertId,
        String episodeId,
        long revision,
        String payload,
        int attempts,
        Instant createdAt,
        Instant giveUpAt,
        String webhookUrl,
        String secret) {

    @Override
    public String toString() { // never the secret
        return "Claimed[" + id + ", alert " + alertId + ", episode " + episodeId + "@" + revision + "]";
    }
}
