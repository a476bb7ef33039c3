package dev.podsearch.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Typed models of the OpenSearch operator's security kinds (opensearch.opster.io/v1, api/v1/opensearchuser_types.go,
 * opensearchrole_types.go, opensearchuserrolebinding_types.go): {@code OpensearchUser}, {@code OpensearchRole},
 * {@code OpensearchUserRoleBinding}. Strict like {@link OperatorModels}: a field outside these is reported.
 */
final class OpenSearchSecurityModels {

    private OpenSearchSecurityModels() {}

    record OpensearchUser(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) UserSpec spec) {}

    record UserSpec(
            @JsonProperty(required = true) LocalObjectReference opensearchCluster,
            @JsonProperty(required = true) PasswordFrom passwordFrom,
            List<String> opendistroSecurityRoles,
            List<String> backendRoles,
            Map<String, String> attributes) {}

    record PasswordFrom(
            @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String key,
            String namespace,
            Boolean optional) {}

    record OpensearchRole(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) RoleSpec spec) {}

    record RoleSpec(
            @JsonProperty(required = true) LocalObjectReference opensearchCluster,
            List<String> clusterPermissions,
            List<IndexPermission> indexPermissions,
            List<TenantPermission> tenantPermissions) {}

    record IndexPermission(
            @JsonProperty(required = true) List<String> indexPatterns,
            String dls,
            List<String> fls,
            @JsonProperty(required = true) List<String> allowedActions,
            List<String> maskedFields) {}

    record TenantPermission(List<String> tenantPatterns, List<String> allowedActions) {}

    record OpensearchUserRoleBinding(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) BindingSpec spec) {}

    record BindingSpec(
            @JsonProperty(required = true) LocalObjectReference opensearchCluster,
            List<String> users,
            List<String> backendRoles,
            @JsonProperty(required = true) List<String> roles) {}
}
