package dev.podsearch.ingest;

import dev.podsearch.support.Problem;
import dev.podsearch.support.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code ingest.max-upload-bytes}, applied to every way a transcript comes in: a declared length, a body while it
 * streams (chunked or not), a form's file, a dropped file. Never more than the limit is read into memory.
 */
public final class UploadLimit {

    private UploadLimit() {}

    /**
     * The content, read while it streams; a 413 problem as soon as it goes over {@code max}. The rest of an oversized
     * body is read and thrown away, up to {@code discardUpTo} bytes in all, so the client that is still sending gets
     * to read the answer.
     */
    public static byte[] read(InputStream body, long max, long discardUpTo) {
        try {
            byte[] content = body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (content.length <= max) {
                return content;
            }
            discard(body, discardUpTo - content.length);
            throw new ProblemException(problem(-1, max));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 413 {@code upload-too-large}: {@code size} is what the upload is when known, else -1 (more than the limit). */
    public static Problem problem(long size, long max) {
        String detail = (size >= 0 ? "the upload is " + size + " bytes" : "the upload is more than " + max + " bytes")
                + "; the limit is " + max + " bytes (ingest.max-upload-bytes)";
        return Problem.of(413, "upload-too-large", "Upload too large", detail, Map.of("limit", max));
    }

    private static void discard(InputStream body, long bytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = bytes;
        while (left > 0) {
            int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }
}
