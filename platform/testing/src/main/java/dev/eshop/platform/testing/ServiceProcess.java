package dev.eshop.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running as its own JVM from the jar production runs, configured by environment
 * variables as the launcher and the deployment configure it. Stopped by {@link #close()} or when
 * the test JVM exits.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code services/<name>}'s jar (found from the project root or a module beside
     * {@code services/}) on a free port, or on {@code SERVER_PORT} when the environment names one (a
     * service that must know its own address, like the token issuer, or one restarted in place), and
     * waits until its readiness probe answers 200.
     */
    public static ServiceProcess start(String name, Map<String, String> environment) {
        // Quick to start, small: what a test needs.
        return start(name, environment, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** As {@link #start(String, Map)}, with the given JVM options (a benchmark wants the full JIT). */
    public static ServiceProcess start(String name, Map<String, String> environment, List<String> jvmOptions) {
        int port = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT")) : Ports.free();
        Path jar = jar(name);
        try {
            Path log = Files.createTempFile("eshop-" + name + "-", ".log");
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
            ServiceProcess service = new ServiceProcess(name, port, process, log);
            service.awaitReady(Duration.ofSeconds(120));
            return service;
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + Files.readString(log));
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " was starting", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines the service logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The service's jar under {@code services/<name>/target}, from the project root or a module beside {@code services/}. */
    private static Path jar(String name) {
        for (Path services : List.of(Paths.get("services"), Paths.get("..", "services"))) {
            Path target = services.resolve(name).resolve("target").toAbsolutePath().normalize();
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (var files = Files.list(target)) {
                var jar = files.filter(f -> f.getFileName().toString().matches(name + "-.*\\.jar")
                                && !f.getFileName().toString().matches(".*-(sources|javadoc|plain|aws)\\.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not look into " + target, e);
            }
        }
        throw new IllegalStateException("no jar of " + name + " in services/" + name + "/target; build it first (./mvnw package)");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20))) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
