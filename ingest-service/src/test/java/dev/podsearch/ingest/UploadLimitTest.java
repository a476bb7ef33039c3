package dev.podsearch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.ingest.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ingest.max-upload-bytes (12 MiB in tests) whatever way the transcript comes: nothing over it is stored. */
@QuarkusTest
class UploadLimitTest {

    private static final long LIMIT = 12 * 1024 * 1024;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A sample-export transcript of exactly {@code bytes} bytes. */
    static byte[] transcriptOf(String title, long bytes) {
        byte[] start = LargeTranscriptTest.tenMegabytes(title);
        StringBuilder text = new StringBuilder(new String(start, StandardCharsets.UTF_8));
        int second = 200_000;
        while (text.length() < bytes - 200) {
            text.append(String.format("%02d:%02d:%02d: ", second / 3600, (second / 60) % 60, second % 60))
                    .append("the fog came in again over the harbour, line ")
                    .append(second++)
                    .append('\n');
        }
        text.append(String.format("%02d:%02d:%02d: the end", second / 3600, (second / 60) % 60, second % 60));
        text.append("!".repeat((int) (bytes - text.length())));
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes, content.length);
        return content;
    }

    private static long[] stored() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {Transcript.count(), OutboxEvent.count()});
    }

    @Test
    void aChunkedUploadOverTheLimitIsRefusedWhileItStreams() {
        long[] before = stored();
        byte[] thirtyMegabytes = transcriptOf("Too long " + UUID.randomUUID(), 30_000_000);

        given().contentType("text/plain")
                .body(new ByteArrayInputStream(thirtyMegabytes)) // no declared length: Transfer-Encoding: chunked
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/upload-too-large"))
                .body("limit", equalTo((int) LIMIT))
                .body(
                        "detail",
                        equalTo("the upload is more than 12582912 bytes; the limit is 12582912 bytes"
                                + " (ingest.max-upload-bytes)"));

        assertEquals(before[0], stored()[0], "no transcript stored");
        assertEquals(before[1], stored()[1], "no event in the outbox");
    }

    @Test
    void aChunkedUploadOfExactlyTheLimitIsAccepted() {
        String title = "Just fits " + UUID.randomUUID();
        given().contentType("text/plain")
                .body(new ByteArrayInputStream(transcriptOf(title, LIMIT)))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .body("status", equalTo("RECEIVED"))
                .body("created", equalTo(true));
    }

    @Test
    void aFormFileOverTheLimitIsRefused() {
        long[] before = stored();
        given().multiPart(
                        "file",
                        "long.txt",
                        new ByteArrayInputStream(transcriptOf("Form " + UUID.randomUUID(), LIMIT + 1)),
                        "text/plain")
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/upload-too-large"))
                .body("detail", startsWith("the upload is 12582913 bytes; the limit is 12582912 bytes"));
        assertEquals(before[0], stored()[0]);
    }

    @Test
    void aDeclaredLengthOverTheHttpLayersOwnLimitGetsTheProblemNotABare413() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/transcripts HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 100000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertThat(response, startsWith("HTTP/1.1 413"));
            assertThat(response, containsString("application/problem+json"));
            assertThat(response, containsString("the upload is 100000000 bytes; the limit is 12582912 bytes"));
        }
    }

    /** One HTTP/1.1 response with a declared length (the connection may stay open, so not until the end of it). */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder response = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (true) {
            int headersEnd = response.indexOf("\r\n\r\n");
            if (headersEnd > 0) {
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                        .matcher(response.substring(0, headersEnd));
                if (length.find() && response.length() - headersEnd - 4 >= Integer.parseInt(length.group(1))) {
                    return response.toString();
                }
            }
            int read = in.read(buffer);
            if (read < 0) {
                return response.toString();
            }
            response.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aDroppedFileOverTheLimitGoesToFailedWithoutBeingRead() throws IOException {
        long[] before = stored();
        String name = "huge-" + UUID.randomUUID() + ".txt";
        Path dropped = config.drop().dir().orElseThrow().resolve("incoming").resolve(name);
        long size = 3L * 1024 * 1024 * 1024; // sparse: reading it whole would not even fit in an array
        try (RandomAccessFile file = new RandomAccessFile(dropped.toFile(), "rw")) {
            file.setLength(size);
        }
        Path failed = config.drop().dir().orElseThrow().resolve("failed");
        Path error = failed.resolve(name + ".error.json");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error));

            JsonNode problem = json.readTree(error.toFile());
            assertEquals(
                    "https://podsearch.dev/problems/upload-too-large",
                    problem.path("type").asText());
            assertEquals(413, problem.path("status").asInt());
            assertEquals(LIMIT, problem.path("limit").asLong());
            assertEquals(
                    "the upload is " + size + " bytes; the limit is 12582912 bytes (ingest.max-upload-bytes)",
                    problem.path("detail").asText());
            assertEquals(size, Files.size(failed.resolve(name)));
            assertFalse(Files.exists(dropped));
            assertEquals(before[0], stored()[0]);
        } finally {
            Files.deleteIfExists(failed.resolve(name));
            Files.deleteIfExists(dropped);
        }
    }
}
