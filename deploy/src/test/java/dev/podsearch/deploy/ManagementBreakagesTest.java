package dev.podsearch.deploy;

import dev.podsearch.deploy.DeployBreakagesTest.Breakage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The management port's checks ({@link ManagementChecks}, {@link ConfigChecks}) each fail on a manifest broken the
 * way that would expose health, metrics or the API docs, or leave probes and scrapes on the wrong port.
 */
class ManagementBreakagesTest {

    static Stream<Arguments> breakages() {
        return Stream.of(
                        // probes and scrapes ask the management port
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "              path: /q/health/ready\n              port: management",
                                "              path: /q/health/ready\n              port: http",
                                "Deployment/query-service: readinessProbe port http is not the service's management"
                                        + " port 9080"),
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "- port: management\n      path: /q/metrics",
                                "- port: http\n      path: /q/metrics",
                                "ServiceMonitor/query-service: endpoint port 'http' of Service/query-service reaches"
                                        + " port 8080, not the management port 9080"),
                        new Breakage(
                                "dev",
                                "base/alert-service.yaml",
                                "      port: 9083\n      targetPort: management",
                                "      port: 9083\n      targetPort: http",
                                "ServiceMonitor/alert-service: endpoint port 'management' of Service/alert-service"
                                        + " reaches port 8083, not the management port 9083"),
                        new Breakage(
                                "dev",
                                "base/index-service.yaml",
                                "quarkus.management.port: \"9082\"",
                                "quarkus.management.port: \"9092\"",
                                "Deployment/index-service: the management interface listens on 9092 but the"
                                        + " container's port 'management' is 9082"),
                        new Breakage(
                                "dev",
                                "base/ingest-service.yaml",
                                "- name: management\n              containerPort: 9081",
                                "- name: admin\n              containerPort: 9081",
                                "Deployment/ingest-service: the management interface listens on 9081 but the"
                                        + " container's port 'management' is null"),
                        // the Ingress never reaches it, by port name or number, in either overlay
                        new Breakage(
                                "dev",
                                "base/ingress.yaml",
                                "                name: query-service\n                port:\n"
                                        + "                  name: http",
                                "                name: query-service\n                port:\n"
                                        + "                  name: management",
                                "Ingress/podsearch: backend Service/query-service port {\"name\":\"management\"} reaches"
                                        + " the management port 9080"),
                        new Breakage(
                                "prod",
                                "overlays/prod/ingress.yaml",
                                "                name: ingest-service\n                port:\n"
                                        + "                  name: http",
                                "                name: ingest-service\n                port:\n"
                                        + "                  number: 9081",
                                "Ingress/podsearch: backend Service/ingest-service port {\"number\":9081} reaches"
                                        + " the management port 9081"),
                        // nor may the ingress controller reach it past the network policies
                        new Breakage(
                                "dev",
                                "base/network-policies.yaml",
                                "        - port: 8080\n",
                                "        - port: 9080\n",
                                "NetworkPolicy/query-service: lets the ingress controller (namespace ingress-nginx)"
                                        + " reach the management port 9080"),
                        // X-Forwarded-For is believed from the ingress controller's range only
                        new Breakage(
                                "prod",
                                "overlays/prod/ingress.yaml",
                                "quarkus.http.proxy.trusted-proxies: 10.244.0.0/16",
                                "quarkus.http.proxy.trusted-proxies: 0.0.0.0/0",
                                "Deployment/query-service: quarkus.http.proxy.trusted-proxies 0.0.0.0/0 trusts every"
                                        + " caller"),
                        new Breakage(
                                "dev",
                                "base/ingress.yaml",
                                "  quarkus.http.proxy.trusted-proxies: 10.0.0.0/8\n",
                                "",
                                "Deployment/alert-service: proxy-address-forwarding is on but"
                                        + " quarkus.http.proxy.trusted-proxies is not set"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachCheckCatchesItsMistake(Breakage breakage, @TempDir Path copy) throws IOException {
        DeployBreakagesTest.assertCaught(breakage, copy);
    }
}
