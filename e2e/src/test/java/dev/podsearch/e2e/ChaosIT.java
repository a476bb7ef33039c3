package dev.podsearch.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.chaos.ChaosOptions;
import dev.podsearch.chaos.ChaosReport;
import dev.podsearch.chaos.ChaosRun;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code ./podsearch chaos}: the same code, five faults over two minutes of uploads,
 * whose plan (fixed seed) kills each server and a service with SIGKILL and freezes one component with SIGSTOP for
 * longer than the client timeout. Nothing acknowledged may be lost, duplicated or stale, and every fault survived.
 */
class ChaosIT {

    private static final Path REPO =
            Path.of(System.getProperty("podsearch.repo", "..")).toAbsolutePath().normalize();

    @Test
    void everyAcknowledgedUploadSurvivesAKillOfEachServerAndAServiceAndAPause() throws Exception {
        ChaosOptions options = new ChaosOptions(
                Duration.ofSeconds(120),
                5,
                20261201L,
                2.0,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofMinutes(4),
                REPO.resolve("e2e/target/chaos"));

        ChaosReport report = ChaosRun.run(REPO, options);
        report.print(System.out);

        assertAll(
                () -> assertEquals(5, report.faultsSurvived(), "faults survived"),
                () -> assertTrue(
                        report.survivedKinds()
                                .containsAll(java.util.List.of("KILL POSTGRES", "KILL KAFKA", "KILL OPENSEARCH")),
                        "each server killed and survived: " + report.survivedKinds()),
                () -> assertTrue(
                        report.survivedKinds().stream().anyMatch(k -> k.matches("KILL (INGEST|INDEX|QUERY)")),
                        "a service killed and survived: " + report.survivedKinds()),
                () -> assertTrue(
                        report.survivedKinds().stream().anyMatch(k -> k.startsWith("PAUSE")),
                        "a pause survived: " + report.survivedKinds()),
                () -> assertTrue(report.acknowledged() >= 100, "writes acknowledged: " + report.acknowledged()),
                () -> assertTrue(report.poisonOk() >= 2, "poison that ended FAILED: " + report.poisonOk()),
                () -> assertEquals(0, report.lost(), "lost"),
                () -> assertEquals(0, report.duplicated(), "duplicated"),
                () -> assertEquals(0, report.stale(), "stale"),
                () -> assertEquals(0, report.poisonWrong(), "poison not FAILED with its reason"),
                () -> assertTrue(report.outboxEmpty(), "outbox empty"),
                () -> assertTrue(report.passed(), "the run passed"));
    }
}
