package dev.podsearch.index.lease;

import dev.podsearch.index.IndexerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.opensearch.client.opensearch.OpenSearchClient;

/** This instance's leases on cluster-wide jobs, and the name it holds them under. */
@ApplicationScoped
public class Leases {

    /** The job of {@link dev.podsearch.index.admin.Reindexer}. */
    public static final String REINDEX = "reindex";

    @Inject
    OpenSearchClient client;

    @Inject
    IndexerConfig config;

    private volatile String instanceId;

    /** {@code indexer.instance-id}, or the host name (the pod's name on Kubernetes) and a random suffix. */
    public String instanceId() {
        if (instanceId == null) {
            instanceId = config.instanceId().orElseGet(Leases::hostAndSuffix);
        }
        return instanceId;
    }

    public ClusterLease lease(String job) {
        return new ClusterLease(client, job, instanceId(), config.reindexLease(), config.replicas(), Clock.systemUTC());
    }

    /** A restarted process gets a new suffix: it waits for its predecessor's lease to expire like anyone else. */
    private static String hostAndSuffix() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "index-service";
            }
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }
}
