package dev.podsearch.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;

/**
 * Typed models of the two operator kinds that have no schema model on Maven Central or an npm package a JDK can
 * use: CloudNativePG's {@code Cluster} (postgresql.cnpg.io/v1) and the OpenSearch operator's {@code
 * OpenSearchCluster} (opensearch.opster.io/v1). They follow the operators' Go API types (field names, types and
 * which fields are required) for the part of those APIs this deployment uses, and they are strict: a field outside
 * that part is reported as unknown, so a manifest cannot grow a field nobody checked. Extending the deployment to a
 * new field means adding it here, from the operator's API reference.
 */
final class OperatorModels {

    private OperatorModels() {}

    // ---------------------------------------------------------------- CloudNativePG 1.25+ (api/v1/cluster_types.go)

    record PostgresCluster(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) PostgresSpec spec) {}

    record PostgresSpec(
            @JsonProperty(required = true) int instances,
            String imageName,
            String description,
            Bootstrap bootstrap,
            @JsonProperty(required = true) Storage storage,
            Storage walStorage,
            ResourceRequirements resources,
            PostgresAffinity affinity,
            Backup backup,
            Boolean enableSuperuserAccess,
            String primaryUpdateStrategy,
            String primaryUpdateMethod,
            Monitoring monitoring,
            PostgresConfiguration postgresql) {

        PostgresSpec {
            if (instances < 1) {
                throw new IllegalArgumentException("spec.instances must be at least 1");
            }
        }
    }

    record Bootstrap(InitDb initdb) {}

    record InitDb(String database, String owner, SecretName secret, String encoding, String locale) {}

    record Storage(@JsonProperty(required = true) String size, String storageClass, Boolean resizeInUseVolumes) {}

    record PostgresAffinity(
            Boolean enablePodAntiAffinity,
            String topologyKey,
            String podAntiAffinityType,
            Map<String, String> nodeSelector,
            List<Toleration> tolerations) {}

    record Backup(
            String retentionPolicy, BarmanObjectStore barmanObjectStore, String target, VolumeSnapshot volumeSnapshot) {

        Backup {
            if (retentionPolicy != null && !retentionPolicy.matches("^[1-9][0-9]*[dwm]$")) {
                throw new IllegalArgumentException(
                        "backup.retentionPolicy '" + retentionPolicy + "' is not like 30d, 4w or 6m");
            }
        }
    }

    record VolumeSnapshot(String className) {}

    record BarmanObjectStore(
            @JsonProperty(required = true) String destinationPath,
            String endpointURL,
            String serverName,
            S3Credentials s3Credentials,
            WalBackup wal,
            DataBackup data) {}

    record S3Credentials(
            SecretKey accessKeyId,
            SecretKey secretAccessKey,
            SecretKey region,
            SecretKey sessionToken,
            Boolean inheritFromIAMRole) {}

    record SecretKey(@JsonProperty(required = true) String name, @JsonProperty(required = true) String key) {}

    record SecretName(@JsonProperty(required = true) String name) {}

    record WalBackup(String compression, Integer maxParallel) {
        WalBackup {
            if (compression != null
                    && !List.of("bzip2", "gzip", "lz4", "snappy", "xz", "zstd").contains(compression)) {
                throw new IllegalArgumentException("wal.compression '" + compression + "' is not a barman algorithm");
            }
        }
    }

    record DataBackup(String compression, Integer jobs) {}

    record Monitoring(Boolean enablePodMonitor) {}

    record PostgresConfiguration(Map<String, String> parameters, Synchronous synchronous) {}

    /** Synchronous replication (1.24+; {@code dataDurability} 1.25+): a commit waits for {@code number} replicas. */
    record Synchronous(
            @JsonProperty(required = true) String method,
            @JsonProperty(required = true) int number,
            String dataDurability) {

        Synchronous {
            if (!List.of("any", "first").contains(method)) {
                throw new IllegalArgumentException("synchronous.method '" + method + "' is not any or first");
            }
            if (number < 1) {
                throw new IllegalArgumentException("synchronous.number must be at least 1");
            }
            if (dataDurability != null && !List.of("required", "preferred").contains(dataDurability)) {
                throw new IllegalArgumentException(
                        "synchronous.dataDurability '" + dataDurability + "' is not required or preferred");
            }
        }
    }

    // --------------------------------------- OpenSearch Kubernetes operator 2.x (api/v1/opensearch_types.go)

    record OpenSearchCluster(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) OpenSearchSpec spec) {}

    record OpenSearchSpec(
            @JsonProperty(required = true) General general,
            Security security,
            @JsonProperty(required = true) List<NodePool> nodePools) {}

    record General(
            String image,
            String imagePullPolicy,
            List<LocalObjectReference> imagePullSecrets,
            Integer httpPort,
            String vendor,
            String version,
            String serviceAccount,
            @JsonProperty(required = true) String serviceName,
            Boolean setVMMaxMapCount,
            String defaultRepo,
            Map<String, String> additionalConfig,
            Map<String, String> annotations,
            Boolean drainDataNodes,
            List<String> pluginsList,
            String command,
            OpenSearchMonitoring monitoring,
            PodSecurityContext podSecurityContext,
            SecurityContext securityContext) {}

    record OpenSearchMonitoring(
            Boolean enable,
            String monitoringUserSecret,
            String scrapeInterval,
            String pluginUrl,
            Map<String, String> labels) {}

    record NodePool(
            @JsonProperty(required = true) String component,
            @JsonProperty(required = true) int replicas,
            String diskSize,
            ResourceRequirements resources,
            String jvm,
            @JsonProperty(required = true) List<String> roles,
            List<Toleration> tolerations,
            Map<String, String> nodeSelector,
            Affinity affinity,
            List<TopologySpreadConstraint> topologySpreadConstraints,
            Map<String, String> additionalConfig,
            Map<String, String> labels,
            Map<String, String> annotations,
            List<EnvVar> env,
            String priorityClassName,
            Pdb pdb) {}

    record Pdb(Boolean enable, IntOrString minAvailable, IntOrString maxUnavailable) {}

    record Security(Tls tls, SecurityConfig config) {}

    record Tls(TlsTransport transport, TlsHttp http) {}

    record TlsTransport(
            Boolean generate,
            Boolean perNode,
            LocalObjectReference secret,
            LocalObjectReference caSecret,
            List<String> nodesDn,
            List<String> adminDn) {}

    record TlsHttp(Boolean generate, LocalObjectReference secret, LocalObjectReference caSecret) {}

    record SecurityConfig(
            LocalObjectReference securityConfigSecret,
            LocalObjectReference adminSecret,
            LocalObjectReference adminCredentialsSecret) {}
}
