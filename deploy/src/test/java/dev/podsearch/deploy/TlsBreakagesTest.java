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
 * TLS between the services ({@link TlsChecks}, {@link TlsRouteChecks}, cert-manager's models in {@link
 * CertManagerModels}): each check fails on a manifest broken the way that would leave a call in plain HTTP, a
 * certificate nobody can verify, or a probe, scrape or Ingress that cannot reach a service any more.
 */
class TlsBreakagesTest {

    private static final String TLS = "overlays/prod/internal-tls.yaml";
    private static final String SERVICES = "overlays/prod/services-tls.yaml";
    private static final String INGRESS = "overlays/prod/ingress.yaml";

    static Stream<Arguments> breakages() {
        return Stream.of(
                        // the certificates: every name of the Service, a valid cert-manager object, a Secret it makes
                        new Breakage(
                                "prod",
                                TLS,
                                "    - query-service.podsearch.svc\n",
                                "",
                                "Certificate/query-service-tls: dnsNames [query-service, query-service.podsearch,"
                                        + " query-service.podsearch.svc.cluster.local, podsearch-ingress-backend] lack"
                                        + " query-service.podsearch.svc"),
                        new Breakage(
                                "prod",
                                TLS,
                                "    - server auth\n",
                                "    - server-auth\n",
                                "usage 'server-auth' is not one of"),
                        new Breakage(
                                "prod",
                                TLS,
                                "secretName: query-service-tls",
                                "secretName: query-service-cert",
                                "Deployment/query-service: serves HTTPS from a Secret no cert-manager Certificate of"
                                        + " the overlay makes"),
                        // each service: HTTPS only, from its Secret, mounted read-only; probes with the right scheme
                        new Breakage(
                                "prod",
                                SERVICES,
                                "quarkus.http.insecure-requests: disabled",
                                "quarkus.http.insecure-requests: enabled",
                                "Deployment/ingest-service: serves HTTPS but quarkus.http.insecure-requests is not"
                                        + " 'disabled': plain HTTP too"),
                        new Breakage(
                                "prod",
                                SERVICES,
                                "mountPath: /etc/podsearch/tls\n",
                                "mountPath: /etc/podsearch/certs\n",
                                "Deployment/ingest-service: /etc/podsearch/tls/tls.crt (quarkus.tls.service) is no"
                                        + " file of a Secret mounted in the container"),
                        new Breakage(
                                "prod",
                                SERVICES,
                                "mountPath: /etc/podsearch/tls\n              readOnly: true",
                                "mountPath: /etc/podsearch/tls\n              readOnly: false",
                                "Deployment/ingest-service: its certificate's mount /etc/podsearch/tls is not"
                                        + " read-only"),
                        new Breakage(
                                "prod",
                                SERVICES,
                                "          startupProbe:\n            httpGet:\n              scheme: HTTPS",
                                "          startupProbe:\n            httpGet:\n              scheme: HTTP",
                                "Deployment/ingest-service: startupProbe asks with scheme HTTP but the management"
                                        + " port speaks HTTPS"),
                        // the calls between the services: their scheme, and the CA they trust
                        new Breakage(
                                "prod",
                                SERVICES,
                                "access.verify-url: https://ingest-service:8081",
                                "access.verify-url: http://ingest-service:8081",
                                "Deployment/index-service: access.verify-url http://ingest-service:8081 but"
                                        + " ingest-service serves HTTPS only"),
                        new Breakage(
                                "prod",
                                SERVICES,
                                "alerts.query-url: https://query-service:8080",
                                "alerts.query-url: http://query-service:8080",
                                "Deployment/alert-service: alerts.query-url http://query-service:8080 but"
                                        + " query-service serves HTTPS only"),
                        new Breakage(
                                "prod",
                                SERVICES,
                                "  peers.tls-configuration-name: peers\n  access.verify-url",
                                "  access.verify-url",
                                "Deployment/index-service: access.verify-url calls ingest-service over HTTPS but"
                                        + " peers.tls-configuration-name (null) trusts no ca.crt"),
                        new Breakage(
                                "dev",
                                "base/query-service.yaml",
                                "access.verify-url: http://ingest-service:8081",
                                "access.verify-url: https://ingest-service:8081",
                                "Deployment/query-service: access.verify-url https://ingest-service:8081 but"
                                        + " ingest-service serves plain HTTP"),
                        // the scrapes verify the certificate
                        new Breakage(
                                "prod",
                                SERVICES,
                                "      scheme: https\n",
                                "      scheme: http\n",
                                "ServiceMonitor/ingest-service: scrapes with scheme http but the management port"
                                        + " speaks https"),
                        new Breakage(
                                "prod",
                                SERVICES,
                                "            name: ingest-service-tls\n            key: ca.crt",
                                "            name: podsearch-opensearch-ca\n            key: ca.crt",
                                "ServiceMonitor/ingest-service: verifies with ca.crt of Secret podsearch-opensearch-ca,"
                                        + " not the CA of Issuer/podsearch-internal-ca"),
                        // the Ingress speaks HTTPS to the backends and verifies them
                        new Breakage(
                                "prod",
                                INGRESS,
                                "    nginx.ingress.kubernetes.io/backend-protocol: HTTPS\n",
                                "",
                                "Ingress/podsearch: backend ingest-service serves HTTPS only but backend-protocol is"
                                        + " HTTP"),
                        new Breakage(
                                "prod",
                                INGRESS,
                                "proxy-ssl-verify: \"on\"",
                                "proxy-ssl-verify: \"off\"",
                                "Ingress/podsearch: the ingress controller does not verify ingest-service's"
                                        + " certificate"),
                        new Breakage(
                                "prod",
                                INGRESS,
                                "proxy-ssl-name: podsearch-ingress-backend",
                                "proxy-ssl-name: query-service",
                                "Ingress/podsearch: verifies the name 'query-service', which"
                                        + " Certificate/ingest-service-tls does not carry"),
                        new Breakage(
                                "dev",
                                "base/ingress.yaml",
                                "    nginx.ingress.kubernetes.io/proxy-body-size: 20m\n",
                                "    nginx.ingress.kubernetes.io/proxy-body-size: 20m\n"
                                        + "    nginx.ingress.kubernetes.io/backend-protocol: HTTPS\n",
                                "Ingress/podsearch: backend ingest-service serves plain HTTP but backend-protocol is"
                                        + " HTTPS"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachCheckCatchesItsMistake(Breakage breakage, @TempDir Path copy) throws IOException {
        DeployBreakagesTest.assertCaught(breakage, copy);
    }
}
