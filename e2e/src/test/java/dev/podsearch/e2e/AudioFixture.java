package dev.podsearch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minute of generated audio (a WAV of silence, 8 kHz, 8 bit, mono) served over HTTP with byte ranges, so a browser
 * can seek in it: the audio of the web tests' episodes.
 */
final class AudioFixture implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int RATE = 8000;

    private final HttpServer server;
    private final byte[] wav = wav(60);

    AudioFixture() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".wav";
    }

    private void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "audio/wav");
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        int from = 0;
        int to = wav.length - 1;
        int status = 200;
        if (m != null && m.matches()) {
            from = Integer.parseInt(m.group(1));
            to = m.group(2).isEmpty() ? to : Math.min(to, Integer.parseInt(m.group(2)));
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + wav.length);
        }
        byte[] body = Arrays.copyOfRange(wav, from, to + 1);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] wav(int seconds) {
        int data = RATE * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
        b.putInt(RATE).putInt(RATE).putShort((short) 1).putShort((short) 8);
        b.put("data".getBytes()).putInt(data);
        byte[] silence = new byte[data];
        Arrays.fill(silence, (byte) 128);
        b.put(silence);
        return b.array();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
