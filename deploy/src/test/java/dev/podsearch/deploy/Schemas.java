package dev.podsearch.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates rendered objects against typed schema models, offline: Kubernetes' own kinds against fabric8's
 * kubernetes-model (generated from the Kubernetes OpenAPI schema), Strimzi's against Strimzi's own API model (the one
 * its CRDs are generated from), ServiceMonitor against fabric8's model of the Prometheus operator's CRD, and the
 * CloudNativePG and OpenSearch operator kinds against {@link OperatorModels} and {@link OpenSearchSecurityModels}, cert-manager's against {@link
 * CertManagerModels}.
 *
 * <p>Parsing is strict: a scalar of the wrong type is an error (no coercion of "8080" into a number), and a field the
 * model does not know is an error too. fabric8 and Strimzi keep unknown fields in {@code additionalProperties}
 * instead of failing, so after parsing the whole object graph is walked and every non-empty one is reported with its
 * path. An apiVersion/kind with no model is an error: nothing is waved through unvalidated.
 */
final class Schemas {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** apiVersion + " " + kind -> model. Keys come from the models' own annotations where they have them. */
    private static final Map<String, Class<?>> MODELS = new LinkedHashMap<>();

    static {
        for (Class<? extends HasMetadata> type : List.of(
                Namespace.class,
                ConfigMap.class,
                Secret.class,
                Service.class,
                PersistentVolumeClaim.class,
                Deployment.class,
                HorizontalPodAutoscaler.class,
                PodDisruptionBudget.class,
                NetworkPolicy.class,
                Ingress.class,
                ServiceMonitor.class,
                PrometheusRule.class,
                Kafka.class,
                KafkaNodePool.class,
                KafkaTopic.class,
                KafkaUser.class)) {
            MODELS.put(HasMetadata.getApiVersion(type) + " " + HasMetadata.getKind(type), type);
        }
        MODELS.put("postgresql.cnpg.io/v1 Cluster", OperatorModels.PostgresCluster.class);
        MODELS.put("cert-manager.io/v1 Certificate", CertManagerModels.Certificate.class);
        MODELS.put("cert-manager.io/v1 Issuer", CertManagerModels.Issuer.class);
        MODELS.put("opensearch.opster.io/v1 OpenSearchCluster", OperatorModels.OpenSearchCluster.class);
        MODELS.put("opensearch.opster.io/v1 OpensearchUser", OpenSearchSecurityModels.OpensearchUser.class);
        MODELS.put("opensearch.opster.io/v1 OpensearchRole", OpenSearchSecurityModels.OpensearchRole.class);
        MODELS.put(
                "opensearch.opster.io/v1 OpensearchUserRoleBinding",
                OpenSearchSecurityModels.OpensearchUserRoleBinding.class);
    }

    private Schemas() {}

    static Collection<String> known() {
        return MODELS.keySet();
    }

    /** Every problem of every object, each naming the object and the field. */
    static List<String> validate(List<? extends JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            problems.addAll(validate(object));
        }
        return problems;
    }

    static List<String> validate(JsonNode object) {
        String id = Manifests.id(object);
        String key =
                object.path("apiVersion").asText() + " " + object.path("kind").asText();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            return List.of(id + ": no schema for apiVersion "
                    + object.path("apiVersion").asText() + ", kind "
                    + object.path("kind").asText() + " (known: " + MODELS.keySet() + ")");
        }
        List<String> problems = new ArrayList<>();
        String name = Manifests.name(object);
        if (!name.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
            problems.add(id + ": metadata.name '" + name + "' is not a DNS-1123 subdomain");
        }
        Object parsed;
        try {
            parsed = STRICT.treeToValue(object, model);
        } catch (JsonMappingException e) {
            problems.add(id + ": " + e.getOriginalMessage() + " at " + path(e));
            return problems;
        } catch (Exception e) {
            problems.add(id + ": " + e.getMessage());
            return problems;
        }
        walk(parsed, "", id, problems);
        return problems;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    /** Reports every non-empty {@code additionalProperties} below {@code value}. */
    private static void walk(Object value, String path, String id, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", id, problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), id, problems);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!isModel(type)) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                walk(invoke(component.getAccessor(), value), join(path, component.getName()), id, problems);
            }
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            String name = getter.getName();
            if (name.equals("getAdditionalProperties")) {
                if (invoke(getter, value) instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(id + ": unknown field(s) " + unknown.keySet() + " at "
                            + (path.isEmpty() ? "(top level)" : path));
                }
            } else if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
                Object child = invoke(getter, value);
                if (child != null
                        && (isModel(child.getClass()) || child instanceof Collection || child instanceof Map)) {
                    walk(child, join(path, decapitalize(name.substring(3))), id, problems);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum()
                && (name.startsWith("io.fabric8.kubernetes.api.model")
                        || name.startsWith("io.fabric8.openshift.api.model")
                        || name.startsWith("io.strimzi.api")
                        || name.startsWith(OperatorModels.class.getName())
                        || name.startsWith(CertManagerModels.class.getName())
                        || name.startsWith(OpenSearchSecurityModels.class.getName()));
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
