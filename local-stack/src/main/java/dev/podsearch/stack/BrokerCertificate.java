package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A self-signed certificate for a local broker's TLS listener, made with the running JDK's {@code keytool} (nothing
 * downloaded): a PKCS12 keystore for the broker and the certificate as PEM, the clients' truststore (the way a
 * Strimzi cluster CA's {@code ca.crt} is used). Valid for 127.0.0.1 and localhost, so clients keep host name checks.
 */
record BrokerCertificate(Path keystore, String password, Path certificatePem) {

    static BrokerCertificate create(StackHome home, Path dir) {
        Path keystore = dir.resolve("broker.p12");
        Path pem = dir.resolve("ca.crt");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                home,
                dir,
                List.of(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "broker",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "30",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        password,
                        "-keypass",
                        password));
        run(
                home,
                dir,
                List.of(
                        keytool,
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        "broker",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        password,
                        "-file",
                        pem.toString()));
        return new BrokerCertificate(keystore, password, pem);
    }

    private static void run(StackHome home, Path dir, List<String> command) {
        Path log = dir.resolve("keytool.log");
        ManagedProcess keytool = ManagedProcess.start(home, "keytool", command, Map.of(), dir, log);
        if (!keytool.waitFor(Duration.ofSeconds(60)) || keytool.exitCode() != 0) {
            throw new IllegalStateException(
                    "keytool failed; last lines of " + log + ":\n" + ManagedProcess.tail(log, 10));
        }
    }
}
