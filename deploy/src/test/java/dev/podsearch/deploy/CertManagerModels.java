package dev.podsearch.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed models of cert-manager's {@code Certificate} and {@code Issuer} (cert-manager.io/v1,
 * pkg/apis/certmanager/v1/types_certificate.go and types_issuer.go), for the part of them the prod overlay uses.
 * fabric8's generated model of them resolves only at 6.13 here (not at the 7.8 this module validates with), so they
 * are written like {@link OperatorModels}: strict, a field outside them is reported, values checked as the CRD's
 * validation would (usages, key algorithms and sizes, Go durations, exactly one issuer type).
 */
final class CertManagerModels {

    private static final Set<String> USAGES = Set.of(
            "signing",
            "digital signature",
            "content commitment",
            "key encipherment",
            "key agreement",
            "data encipherment",
            "cert sign",
            "crl sign",
            "encipher only",
            "decipher only",
            "any",
            "server auth",
            "client auth",
            "code signing",
            "email protection",
            "s/mime",
            "ipsec end system",
            "ipsec tunnel",
            "ipsec user",
            "timestamping",
            "ocsp signing",
            "microsoft sgc",
            "netscape sgc");

    private CertManagerModels() {}

    record Certificate(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) CertificateSpec spec) {}

    record CertificateSpec(
            String commonName,
            String duration,
            String renewBefore,
            List<String> dnsNames,
            List<String> ipAddresses,
            @JsonProperty(required = true) String secretName,
            SecretTemplate secretTemplate,
            @JsonProperty(required = true) IssuerRef issuerRef,
            Boolean isCA,
            List<String> usages,
            PrivateKey privateKey,
            Integer revisionHistoryLimit) {

        CertificateSpec {
            for (String period : new String[] {duration, renewBefore}) {
                if (period != null && !period.matches("([0-9]+(\\.[0-9]+)?(h|m|s|ms))+")) {
                    throw new IllegalArgumentException("'" + period + "' is not a Go duration (2160h, 90m)");
                }
            }
            for (String usage : usages == null ? List.<String>of() : usages) {
                if (!USAGES.contains(usage)) {
                    throw new IllegalArgumentException("usage '" + usage + "' is not one of " + USAGES);
                }
            }
        }
    }

    record SecretTemplate(Map<String, String> annotations, Map<String, String> labels) {}

    record IssuerRef(@JsonProperty(required = true) String name, String kind, String group) {

        IssuerRef {
            if (kind != null && !Set.of("Issuer", "ClusterIssuer").contains(kind) && "cert-manager.io".equals(group)) {
                throw new IllegalArgumentException("issuerRef.kind '" + kind + "' is not Issuer or ClusterIssuer");
            }
        }
    }

    record PrivateKey(String rotationPolicy, String encoding, String algorithm, Integer size) {

        PrivateKey {
            if (rotationPolicy != null && !Set.of("Never", "Always").contains(rotationPolicy)) {
                throw new IllegalArgumentException("privateKey.rotationPolicy '" + rotationPolicy + "'");
            }
            if (encoding != null && !Set.of("PKCS1", "PKCS8").contains(encoding)) {
                throw new IllegalArgumentException("privateKey.encoding '" + encoding + "'");
            }
            if (algorithm != null && !Set.of("RSA", "ECDSA", "Ed25519").contains(algorithm)) {
                throw new IllegalArgumentException("privateKey.algorithm '" + algorithm + "'");
            }
            if ("ECDSA".equals(algorithm)
                    && size != null
                    && !Set.of(256, 384, 521).contains(size)) {
                throw new IllegalArgumentException("privateKey.size " + size + " is no ECDSA curve (256, 384, 521)");
            }
        }
    }

    record Issuer(
            @JsonProperty(required = true) String apiVersion,
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) ObjectMeta metadata,
            @JsonProperty(required = true) IssuerSpec spec) {}

    /** One issuer type (cert-manager's IssuerConfig): of those, this deployment uses a self-signed one and a CA. */
    record IssuerSpec(SelfSigned selfSigned, CaIssuer ca) {

        IssuerSpec {
            if ((selfSigned == null) == (ca == null)) {
                throw new IllegalArgumentException("an issuer has exactly one type (selfSigned or ca here)");
            }
        }
    }

    record SelfSigned(List<String> crlDistributionPoints) {}

    record CaIssuer(
            @JsonProperty(required = true) String secretName,
            List<String> crlDistributionPoints,
            List<String> ocspServers,
            List<String> issuingCertificateURLs) {}
}
