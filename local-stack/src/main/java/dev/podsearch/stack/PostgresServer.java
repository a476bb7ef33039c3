package dev.podsearch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/** PostgreSQL 17 from the zonky embedded binaries, as a local process. */
final class PostgresServer implements Server {

    static final String DATABASE = StackDefaults.DATABASE;
    static final String USER = StackDefaults.USER;
    static final String PASSWORD = StackDefaults.PASSWORD;

    private final StackHome home;
    private final Path runDir;
    private final boolean durable;
    private final int preferredPort;
    private Path binDir;
    private int port;
    private ManagedProcess process;

    PostgresServer(StackHome home, Path runDir, boolean durable, int preferredPort) {
        this.home = home;
        this.runDir = runDir.resolve("postgres");
        this.durable = durable;
        this.preferredPort = preferredPort;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void start() {
        PinnedArtifact artifact = ArtifactLock.load().single("postgres");
        binDir = unpack(artifact).resolve("bin");
        Path data = runDir.resolve("data");
        try {
            Files.createDirectories(runDir);
            ServiceUser.own(runDir);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (port == 0) { // a restart keeps its port
            port = Ports.pick(preferredPort);
        }
        List<String> command = new ArrayList<>(ServiceUser.commandPrefix());
        command.addAll(List.of(
                binDir.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-h",
                "127.0.0.1",
                "-k",
                runDir.toString(),
                "-c",
                "max_connections=200"));
        if (!durable) {
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        process = ManagedProcess.start(home, name(), command, Map.of(), runDir, runDir.resolve("postgres.log"));
        Readiness.await("PostgreSQL on port " + port, Duration.ofSeconds(60), process, this::createDatabase);
    }

    private Path unpack(PinnedArtifact artifact) {
        Path target = home.dist().resolve("postgres-" + artifact.version());
        if (Files.isDirectory(target)) {
            return target;
        }
        Path jar = new Downloader(home.downloads(), StackMain.repository()).fetch(artifact);
        Path staging = home.dist()
                .resolve(target.getFileName() + ".unpacking-"
                        + ProcessHandle.current().pid());
        StackLog.info("unpacking %s", jar.getFileName());
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.stream()
                    .filter(e -> e.getName().endsWith(".txz"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(jar + " holds no .txz archive"));
            try (InputStream in = file.getInputStream(entry)) {
                Archives.untarXz(in, staging);
            }
            Files.move(staging, target);
        } catch (IOException e) {
            Archives.deleteTree(staging);
            if (Files.isDirectory(target)) {
                return target; // another process finished first
            }
            throw new UncheckedIOException("cannot unpack " + jar, e);
        }
        return target;
    }

    private void initdb(Path data) throws IOException {
        Path passwordFile = runDir.resolve("initdb.pw");
        Files.writeString(passwordFile, PASSWORD + "\n");
        ServiceUser.own(passwordFile);
        List<String> command = new ArrayList<>(ServiceUser.commandPrefix());
        command.addAll(List.of(
                binDir.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                USER,
                "--pwfile=" + passwordFile,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C"));
        Path log = runDir.resolve("initdb.log");
        ManagedProcess initdb = ManagedProcess.start(home, "initdb", command, Map.of(), runDir, log);
        try {
            if (!initdb.waitFor(Duration.ofSeconds(120)) || initdb.exitCode() != 0) {
                throw new IllegalStateException(
                        "initdb failed; last lines of " + log + ":\n" + ManagedProcess.tail(log, 25));
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void createDatabase() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", PASSWORD);
        credentials.setProperty("connectTimeout", "2");
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials);
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        // A fast shutdown: the default (TERM, "smart") would wait for every client to disconnect.
        List<String> command = new ArrayList<>(ServiceUser.commandPrefix());
        command.addAll(List.of(
                binDir.resolve("pg_ctl").toString(),
                "stop",
                "-m",
                "fast",
                "-D",
                runDir.resolve("data").toString()));
        try {
            Process pgCtl = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            pgCtl.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            StackLog.info("pg_ctl stop failed (%s); stopping PostgreSQL by signal", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.stop();
    }

    /**
     * A postmaster killed with SIGKILL leaves {@code postmaster.pid}; PostgreSQL refuses to start while its pid is alive,
     * and after a crash that pid may have been taken by another process. The server is known dead here.
     */
    @Override
    public void afterCrash() {
        Path lock = runDir.resolve("data/postmaster.pid");
        try {
            if (Files.deleteIfExists(lock)) {
                StackLog.info("postgres: removed the stale %s", lock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + lock, e);
        }
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
        return jdbcUrl() + " (user " + USER + ", password " + PASSWORD + ")";
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public Map<String, String> quarkusProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }
}
