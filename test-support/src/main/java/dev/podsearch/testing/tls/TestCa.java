package dev.podsearch.testing.tls;

import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.CertificateUtils;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, as cert-manager's CA issuer is in the prod overlay: its certificate as
 * {@code ca.crt}, and certificates it signs as {@code tls.crt} / {@code tls.key}, the files of a cert-manager Secret.
 * Nothing leaves the test's directory.
 */
public final class TestCa {

    /** The files a cert-manager Secret mounts: the CA, the certificate (for the names asked) and its key. */
    public record Issued(Path caCrt, Path tlsCrt, Path tlsKey, X509Certificate certificate, KeyPair keys) {}

    private static final Duration VALID = Duration.ofDays(2);

    private final Path dir;
    private final String name;
    private final X509Certificate certificate;
    private final KeyPair keys;

    private TestCa(Path dir, String name, X509Certificate certificate, KeyPair keys) {
        this.dir = dir;
        this.name = name;
        this.certificate = certificate;
        this.keys = keys;
    }

    /** A new CA named {@code name}, its files under {@code dir}. */
    public static TestCa create(Path dir, String name) {
        try {
            KeyPair keys = keyPair();
            X509Certificate ca = authority(keys, name);
            Files.createDirectories(dir);
            CertificateUtils.writeCertificateToPEM(
                    ca, dir.resolve(name + "-ca.crt").toFile());
            return new TestCa(dir, name, ca, keys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test CA " + name, e);
        }
    }

    /** A server certificate this CA signs for {@code dnsNames} (and 127.0.0.1), with the files a Secret would hold. */
    public Issued issue(String commonName, String... dnsNames) {
        try {
            KeyPair pair = keyPair();
            List<String> names = new java.util.ArrayList<>();
            for (String dns : dnsNames) {
                names.add("DNS:" + dns);
            }
            names.add("IP:127.0.0.1");
            X509Certificate signed = CertificateUtils.generateSignedCertificate(
                    pair, commonName, names, VALID, new CertificateRequest.Issuer(certificate, keys.getPrivate()));
            Path out = Files.createDirectories(dir.resolve(name + "-" + commonName));
            CertificateUtils.writeCertificateToPEM(
                    certificate, out.resolve("ca.crt").toFile());
            CertificateUtils.writeCertificateToPEM(
                    signed, out.resolve("tls.crt").toFile());
            CertificateUtils.writePrivateKeyToPem(
                    pair.getPrivate(), null, out.resolve("tls.key").toFile());
            return new Issued(out.resolve("ca.crt"), out.resolve("tls.crt"), out.resolve("tls.key"), signed, pair);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + commonName, e);
        }
    }

    /** A context that trusts this CA only (a client's). */
    public SSLContext trusting() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This CA as a key store of one trusted certificate (RestAssured's trust store). */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(name, certificate);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server's context: it shows {@code issued}'s certificate. */
    public static SSLContext serving(Issued issued) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry(
                    "server", issued.keys().getPrivate(), password, new X509Certificate[] {issued.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA certificate (basic constraints CA, may sign certificates), as cert-manager's isCA one. */
    private static X509Certificate authority(KeyPair keys, String name) throws Exception {
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(Duration.ofMinutes(1))),
                        Date.from(now.plus(VALID)),
                        subject,
                        keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256WithRSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
