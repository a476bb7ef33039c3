package dev.podsearch.alert.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podsearch.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the API shows it. {@code secret} (the webhooks' signing key) only in the answer that created it;
 * {@code meaning} says whether the alert also matches by meaning: {@code on}, {@code off} (mode keyword), or
 * {@code unavailable} (mode hybrid, but the model was not ready when it was saved: words only until it is saved again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(
        String id,
        String name,
        String q,
        List<String> show,
        List<String> speaker,
        String lang,
        String mode,
        String meaning,
        String webhookUrl,
        boolean paused,
        Instant createdAt,
        Instant updatedAt,
        String secret) {

    static AlertView of(Alert alert) {
        return new AlertView(
                alert.id.toString(),
                alert.name,
                alert.q,
                alert.shows,
                alert.speakers,
                alert.lang,
                alert.mode,
                !"hybrid".equals(alert.mode) ? "off" : alert.byMeaning() ? "on" : "unavailable",
                alert.webhookUrl,
                alert.paused,
                alert.createdAt,
                alert.updatedAt,
                null);
    }

    /** The view of a new alert: the only one with the secret. */
    static AlertView created(Alert alert) {
        AlertView v = of(alert);
        return new AlertView(
                v.id,
                v.name,
                v.q,
                v.show,
                v.speaker,
                v.lang,
                v.mode,
                v.meaning,
                v.webhookUrl,
                v.paused,
                v.createdAt,
                v.updatedAt,
                alert.secret);
    }

    /** A page of alerts, oldest first, and the {@code after} of the next page (null on the last). */
    public record Page(List<AlertView> alerts, String next) {}
}
