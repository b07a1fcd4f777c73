package dev.eshop.e2e.shop;

import dev.eshop.platform.testing.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole shop as a person runs it: the packaged launcher as its own process, on free ports, with a
 * new data directory (so the demo data is loaded), until it prints that it is ready. Its output goes
 * to {@code target/<name>.log}, the services' logs to {@code target/<name>-logs/} when it is closed.
 */
public final class LaunchedShop implements AutoCloseable {

    /** What the launcher prints once everything answers. */
    public static final String READY = "Eshop is ready";
    /** The launcher's port settings ({@code --<name>-port=N}), each given a free port. */
    public static final List<String> PORT_SETTINGS = List.of("storefront", "admin", "auth", "product", "cart", "order",
            "payment", "warehouse", "sales-report", "shipping-cost", "postgres", "mariadb", "redis", "kafka",
            "kafka-controller", "s3");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static LaunchedShop shared;

    private final String name;
    private final Path data;
    private final Map<String, Integer> ports;
    private final Path log;
    private final Process process;
    private String readyOutput;
    private boolean handedOver;

    private LaunchedShop(String name, Path data, Map<String, Integer> ports, Path log, Process process) {
        this.name = name;
        this.data = data;
        this.ports = ports;
        this.log = log;
        this.process = process;
    }

    /** Starts a shop of its own and waits until it is ready; the caller closes it. */
    public static LaunchedShop start(String name) {
        try {
            return launch(name, Files.createTempDirectory("eshop-" + name), freePorts());
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start the launcher", e);
        }
    }

    /**
     * A new launcher on this shop's data directory and ports, once this one has ended (stopped or
     * killed), as a person starts the shop again; closing the new one cleans up after both.
     */
    public LaunchedShop startAgain(String newName) {
        if (process.isAlive()) {
            throw new IllegalStateException("the first launcher is still running");
        }
        handedOver = true;
        keepLogs();
        return launch(newName, data, ports);
    }

    private static LaunchedShop launch(String name, Path data, Map<String, Integer> ports) {
        try {
            Path log = Paths.get("target", name + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--sun-misc-unsafe-memory-access=allow",
                    "-jar", launcherJar().toString(), "--data-dir=" + data, "--quiet"));
            ports.forEach((setting, port) -> command.add("--" + setting + "-port=" + port));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NO_COLOR", "1");
            LaunchedShop shop = new LaunchedShop(name, data, ports, log, builder.start());
            try {
                shop.awaitReady();
            }
            catch (RuntimeException | Error e) {
                shop.close();
                throw e;
            }
            return shop;
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start the launcher", e);
        }
    }

    /** One shop for every browser journey of this test JVM, stopped when the JVM ends. */
    public static synchronized LaunchedShop shared() {
        if (shared == null) {
            shared = start("launched-shop");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "launched-shop-stop"));
        }
        return shared;
    }

    public String url(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + service);
        }
        return "http://127.0.0.1:" + port;
    }

    public Map<String, Integer> ports() {
        return ports;
    }

    /** The secrets the launcher generated for this data directory (client secrets and the like). */
    public String secret(String secretName) {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets.getProperty(secretName);
    }

    /** What the launcher printed up to "ready": the table of URLs and the demo accounts. */
    public String readyOutput() {
        return readyOutput;
    }

    public Process process() {
        return process;
    }

    public Path dataDirectory() {
        return data;
    }

    /** SIGKILL, as the out-of-memory killer would: the launcher gets no chance to stop anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Every process on this machine working on this shop's data directory (services, databases, S3). */
    public List<ProcessHandle> processesUsingData() {
        String path = data + "/";
        return ProcessHandle.allProcesses()
                .filter(other -> other.info().commandLine().map(line -> line.contains(path)).orElse(false))
                .toList();
    }

    /** PostgreSQL's server, which is not a descendant of the launcher ({@code pg_ctl} detaches it). */
    public Optional<ProcessHandle> postgresServer() {
        Path postmaster = data.resolve("postgres").resolve("postmaster.pid");
        try {
            return Files.exists(postmaster)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(postmaster).getFirst().trim()))
                    : Optional.empty();
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager would; true when the launcher ended within the time given. */
    public boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String output() {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }

    /** Whatever happened, nothing of the shop outlives it; its logs are kept, its data is not. */
    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        try {
            if (process.isAlive() && !stop(Duration.ofMinutes(2))) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        stopOrphanedPostgres();
        processesUsingData().forEach(ProcessHandle::destroyForcibly);
        keepLogs();
        deleteData();
    }

    private void awaitReady() {
        Instant started = Instant.now();
        Instant deadline = started.plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (output.contains(READY)) {
                readyOutput = output;
                System.out.println("Launcher ready " + Duration.between(started, Instant.now()).toSeconds() + " s after start");
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited (code " + process.exitValue() + ") before it was ready:\n" + tail(60));
            }
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the launcher started");
            }
        }
        throw new AssertionError("the launcher was not ready within " + START_TIMEOUT + ":\n" + tail(60));
    }

    private void stopOrphanedPostgres() {
        postgresServer().ifPresent(ProcessHandle::destroy);
    }

    private void keepLogs() {
        Path to = log.resolveSibling(name + "-logs");
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException ignored) {
            // no logs to keep
        }
    }

    private void deleteData() {
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }

    private static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String setting : PORT_SETTINGS) {
            int port = Ports.free();
            while (ports.containsValue(port)) {
                port = Ports.free();
            }
            ports.put(setting, port);
        }
        return ports;
    }

    /** The launcher's jar under {@code launcher/target}, from the project root or a module beside it. */
    public static Path launcherJar() {
        for (Path target : List.of(Paths.get("launcher", "target"), Paths.get("..", "launcher", "target"))) {
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(f -> f.getFileName().toString().matches("launcher-.*\\.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get().toAbsolutePath().normalize();
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no launcher jar in launcher/target; build it first (./mvnw package)");
    }
}
