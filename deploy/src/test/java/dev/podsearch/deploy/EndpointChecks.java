package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services' addresses of Kafka, OpenSearch and PostgreSQL name what the overlay runs, as it runs it: a Kafka
 * listener, the OpenSearch cluster's service and HTTP port with the scheme, CA file and credentials its security
 * wants, the primary of a CloudNativePG cluster and its database.
 */
final class EndpointChecks {

    private final Manifests manifests;
    private final ServiceDeployments services;

    EndpointChecks(Manifests manifests, ServiceDeployments services) {
        this.manifests = manifests;
        this.services = services;
    }

    /** The services' addresses of Kafka, OpenSearch and PostgreSQL name what the overlay runs, as it runs it. */
    List<String> check() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : services.deployments()) {
            String id = Manifests.id(deployment);
            Map<String, String> config = services.configuration(deployment);
            String bootstrap = config.get("kafka.bootstrap.servers");
            if (bootstrap != null) {
                Set<String> valid = new TreeSet<>();
                manifests.ofKind("Kafka").forEach(kafka -> kafka.at("/spec/kafka/listeners")
                        .forEach(listener -> valid.add(Manifests.name(kafka) + "-kafka-bootstrap:"
                                + listener.path("port").asInt())));
                for (String server : bootstrap.split(",")) {
                    if (!valid.contains(server.strip())) {
                        problems.add(id + ": kafka.bootstrap.servers " + server + " is not a listener of the overlay's"
                                + " Kafka " + valid);
                    }
                }
            }
            String hosts = config.get("opensearch.hosts");
            if (hosts != null) {
                for (String url : hosts.split(",")) {
                    problems.addAll(openSearchHost(id, URI.create(url.strip()), config, deployment));
                }
            }
            String jdbc = config.get("quarkus.datasource.jdbc.url");
            if (jdbc != null) {
                URI uri = URI.create(jdbc.substring("jdbc:".length()));
                String database = uri.getPath().substring(1);
                boolean found = manifests
                        .ofKind("Cluster")
                        .anyMatch(c -> uri.getHost().equals(Manifests.name(c) + "-rw")
                                && database.equals(
                                        c.at("/spec/bootstrap/initdb/database").asText()));
                if (!found) {
                    problems.add(id + ": quarkus.datasource.jdbc.url " + jdbc + " is not the primary (<cluster>-rw) and"
                            + " database of a CloudNativePG Cluster in the overlay");
                }
            }
        }
        return problems;
    }

    private List<String> openSearchHost(String id, URI url, Map<String, String> config, JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        Optional<ObjectNode> cluster = manifests
                .ofKind("OpenSearchCluster")
                .filter(c -> c.at("/spec/general/serviceName").asText().equals(url.getHost()))
                .findFirst();
        if (cluster.isEmpty()) {
            problems.add(id + ": opensearch.hosts " + url + " names no OpenSearchCluster service of the overlay");
            return problems;
        }
        int port = cluster.get().at("/spec/general/httpPort").asInt(9200);
        if (url.getPort() != port) {
            problems.add(id + ": opensearch.hosts " + url + " is not on the cluster's HTTP port " + port);
        }
        boolean tls = !cluster.get().at("/spec/security/tls/http").isMissingNode();
        if (tls != "https".equals(url.getScheme())) {
            problems.add(id + ": opensearch.hosts " + url + " uses " + url.getScheme() + " but the cluster's HTTP is "
                    + (tls ? "TLS" : "plain"));
        }
        if (tls) {
            String caFile = config.get("opensearch.tls.ca-file");
            boolean mounted = false;
            for (JsonNode mount : ServiceDeployments.container(deployment).path("volumeMounts")) {
                mounted |= caFile != null
                        && caFile.startsWith(mount.path("mountPath").asText() + "/");
            }
            if (!mounted) {
                problems.add(id + ": OpenSearch speaks TLS but opensearch.tls.ca-file (" + caFile
                        + ") is not a file of a mounted volume");
            }
        }
        boolean security = !cluster.get().at("/spec/security").isMissingNode();
        if (security && !(config.containsKey("opensearch.username") && config.containsKey("opensearch.password"))) {
            problems.add(id + ": OpenSearch has its security plugin on but opensearch.username/password are not set");
        }
        return problems;
    }
}
