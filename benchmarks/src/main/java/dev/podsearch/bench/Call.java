package dev.podsearch.bench;

import java.net.URI;
import java.net.http.HttpRequest;

/** One request of a benchmark's mix. */
record Call(HttpRequest request) {

    static Call get(String url) {
        return new Call(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static Call post(String url, byte[] body) {
        return new Call(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }
}
