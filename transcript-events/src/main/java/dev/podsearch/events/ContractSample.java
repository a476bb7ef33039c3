package dev.podsearch.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample envelope both sides of the contract test against. */
public final class ContractSample {

    public static final String RESOURCE = "/contract/transcript-event-v1.sample.json";

    private ContractSample() {}

    public static byte[] bytes() {
        try (InputStream in = ContractSample.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
