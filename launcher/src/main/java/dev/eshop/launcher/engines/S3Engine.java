package dev.eshop.launcher.engines;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 (S3Mock), run from its executable jar as a child JVM: it is a Spring Boot application of its
 * own. Objects are kept in {@code data/s3} and read back at the next start; the buckets the services
 * use are created when missing. Its output goes to {@code data/logs/s3.log}.
 */
public final class S3Engine implements Engine {

    public static final String ACCESS_KEY = "eshop";
    public static final String SECRET_KEY = "eshop-local-secret";
    public static final String REGION = "us-east-1";

    private final Path executableJar;
    private final Path root;
    private final Path log;
    private final Path classCache;
    private final int port;
    private final List<String> buckets;
    private Process process;

    public S3Engine(Path executableJar, Path root, Path log, Path classCache, int port, List<String> buckets) {
        this.executableJar = executableJar;
        this.root = root;
        this.log = log;
        this.classCache = classCache;
        this.port = port;
        this.buckets = buckets;
    }

    @Override
    public String name() {
        return "S3";
    }

    @Override
    public String portSetting() {
        return "s3";
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(root);
        Files.createDirectories(log.getParent());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx160m", "-Xss512k", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=48m"));
        if (classCache != null) {
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + classCache);
            command.add("-Xlog:cds=off,cds+dynamic=off,aot=off");
        }
        command.addAll(List.of("-jar", executableJar.toString(),
                // Plain HTTP on the one port: S3Mock's default HTTPS connector (and its TLS set-up, about half
                // of its start-up time) is not needed on the loopback.
                "--server.port=" + port,
                "--server.ssl.enabled=false",
                "--server.address=127.0.0.1",
                // Its second, plain-HTTP connector defaults to 9090: any free port, so two shops can run side by side.
                "--com.adobe.testing.s3mock.httpPort=0",
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited during start-up (exit code " + process.exitValue()
                        + "); its output is in " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(5000);
                if (connection.getResponseCode() > 0) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(150);
        }
        stop();
        throw new IllegalStateException("S3Mock did not answer within 180 s; its output is in " + log);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(20))) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(Duration.ofSeconds(5));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
    }
}
