package dev.podsearch.stack;

import java.util.Map;

/** A server someone else runs (a system PostgreSQL, Kafka or OpenSearch): nothing to start, only an address. */
record ExternalServer(String name, String location, Map<String, String> quarkusProperties) implements Server {

    @Override
    public void start() {
        StackLog.info("using the external %s at %s", name, location);
    }

    @Override
    public void stop() {}
}
