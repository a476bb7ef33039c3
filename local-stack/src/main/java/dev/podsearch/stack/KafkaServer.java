package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka 4 broker in KRaft mode (broker and controller in one process), run from Maven jars: a cluster of its own, or
 * one node of a {@link KafkaCluster}.
 */
final class KafkaServer implements Server {

    private final StackHome home;
    private final Path runDir;
    private final int preferredPort;
    private final boolean scram;
    private final String name;
    private KafkaBrokerConfig.KafkaNode node;
    private String clusterId;
    private int port;
    private int controllerPort;
    private int securePort;
    private BrokerCertificate certificate;
    private ManagedProcess process;

    /** @param scram also listen with SASL_SSL (SCRAM-SHA-512) and enforce ACLs there: see {@link ScramKafka} */
    KafkaServer(StackHome home, Path runDir, int preferredPort, boolean scram) {
        this(home, runDir, "kafka", preferredPort, scram);
    }

    /** @param name the node's name and the folder of its data under {@code runDir} */
    KafkaServer(StackHome home, Path runDir, String name, int preferredPort, boolean scram) {
        this.home = home;
        this.runDir = runDir.resolve(name);
        this.name = name;
        this.preferredPort = preferredPort;
        this.scram = scram;
    }

    /** Picks the node's ports now (a cluster's quorum names every controller port before any node starts). */
    int reserveControllerPort() {
        reservePorts();
        return controllerPort;
    }

    /** Makes this node {@code node} of the cluster {@code clusterId} (before it starts). */
    void joinCluster(KafkaBrokerConfig.KafkaNode node, String clusterId) {
        this.node = node;
        this.clusterId = clusterId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        launch();
        awaitReady();
    }

    /** Waits until the node answers as a broker of its cluster. */
    void awaitReady() {
        awaitReady(node == null ? Duration.ofSeconds(90) : NodeCluster.STARTUP);
    }

    /** Waits until the node answers, at most {@code timeout}. */
    void awaitReady(Duration timeout) {
        Readiness.await("Kafka on port " + port, timeout, process, this::answers);
    }

    private void reservePorts() {
        if (port == 0) { // a restart keeps its ports, so clients reconnect to the same address
            port = Ports.pick(preferredPort);
            controllerPort = Ports.pick(0);
            if (scram) {
                securePort = Ports.pick(0);
                certificate = BrokerCertificate.create(home, runDir.resolve("tls"));
            }
        }
    }

    /** Formats the node's storage if new and starts its process, without waiting for it. */
    void launch() {
        Downloader downloader = new Downloader(home.downloads(), StackMain.repository());
        String classpath = ArtifactLock.load().component("kafka").stream()
                .map(downloader::fetch)
                .map(Path::toString)
                .collect(Collectors.joining(":"));
        reservePorts();
        KafkaBrokerConfig.KafkaNode self =
                node != null ? node : new KafkaBrokerConfig.KafkaNode(1, "1@127.0.0.1:" + controllerPort, 1);
        Path data = runDir.resolve("data");
        Path config = runDir.resolve("server.properties");
        try {
            Files.createDirectories(runDir);
            Files.writeString(
                    config,
                    KafkaBrokerConfig.serverProperties(
                            self, data, port, controllerPort, scram ? securePort : 0, certificate));
            Files.writeString(runDir.resolve("log4j2.properties"), LOG4J2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = List.of(
                    java.toString(),
                    "-cp",
                    classpath,
                    "-Dlog4j2.configurationFile=" + runDir.resolve("log4j2.properties"),
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    clusterId != null ? clusterId : KafkaBrokerConfig.clusterId(),
                    "-c",
                    config.toString());
            Path log = runDir.resolve("format.log");
            ManagedProcess formatting =
                    ManagedProcess.start(home, name + "-storage-format", format, Map.of(), runDir, log);
            if (!formatting.waitFor(Duration.ofSeconds(120)) || formatting.exitCode() != 0) {
                throw new IllegalStateException(
                        "formatting Kafka storage failed; last lines of " + log + ":\n" + ManagedProcess.tail(log, 25));
            }
        }
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + runDir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + runDir.resolve("logs"),
                "-cp",
                classpath,
                "kafka.Kafka",
                config.toString()));
        process = ManagedProcess.start(home, name(), command, Map.of(), runDir, runDir.resolve("kafka.log"));
    }

    private void answers() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = admin(config)) {
            if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                throw new IllegalStateException("no broker registered yet");
            }
            admin.listTopics().names().get(3, TimeUnit.SECONDS);
        }
    }

    /** An admin client with short timeouts. */
    static Admin admin(Properties config) {
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        // Kafka loads configured classes (and JAAS its login module) through the context class loader, which test
        // frameworks replace.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Admin.class.getClassLoader());
        try {
            return Admin.create(config);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The SASL_SSL side of a broker started with {@code scram}. */
    ScramKafka scram() {
        if (!scram) {
            throw new IllegalStateException("this Kafka was started without its SASL_SSL listener");
        }
        return new ScramKafka(bootstrapServers(), "127.0.0.1:" + securePort, certificate.certificatePem());
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public ProcessHandle process() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name() + " is not running");
        }
        return process.handle();
    }

    @Override
    public String location() {
        return scram ? bootstrapServers() + " (SASL_SSL 127.0.0.1:" + securePort + ")" : bootstrapServers();
    }

    @Override
    public Map<String, String> quarkusProperties() {
        // with SCRAM, services get the secure listener (the user's JAAS line is added by whoever made the user)
        return scram ? scram().quarkusProperties(null, null) : Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    private static final String LOG4J2 =
            """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.kafka.name = kafka
            logger.kafka.level = WARN
            logger.apache.name = org.apache.kafka
            logger.apache.level = WARN
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = INFO
            """;
}
