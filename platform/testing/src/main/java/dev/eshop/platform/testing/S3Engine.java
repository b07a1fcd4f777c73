package dev.eshop.platform.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One S3Mock per test JVM, run from its executable jar as a child process (it is a Spring Boot
 * application of its own and must not share the test's class path). Each caller gets a bucket of its own.
 */
public final class S3Engine {

    public static final String ACCESS_KEY = "eshop-test";
    public static final String SECRET_KEY = "eshop-test-secret";
    public static final String REGION = "us-east-1";

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3Engine instance;

    private final int port = Ports.free();
    private final Process process;
    private final S3Client client;

    private S3Engine() throws IOException {
        Path root = Files.createTempDirectory("eshop-s3");
        Path log = root.resolveSibling(root.getFileName() + ".log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        this.process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", executableJar().toString(),
                "--http.port=" + port,
                "--server.port=" + Ports.free(),
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "s3-engine-stop"));
        awaitReady(log);
        this.client = S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        STARTS.incrementAndGet();
    }

    public static synchronized S3Engine get() {
        if (instance == null) {
            try {
                instance = new S3Engine();
            }
            catch (IOException e) {
                throw new UncheckedIOException("S3Mock did not start", e);
            }
        }
        return instance;
    }

    /** How often this JVM started S3Mock. */
    public static int starts() {
        return STARTS.get();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client with path-style access and the test credentials. */
    public S3Client client() {
        return client;
    }

    /** Creates an empty bucket named after {@code hint} and returns its name. */
    public String createBucket(String hint) {
        String name = DatabaseNames.unique(hint, BUCKETS.incrementAndGet()).replace('_', '-');
        name = name.length() > 50 ? name.substring(0, 50) : name;
        name = name.replaceAll("-+$", "") + "-" + Long.toString(System.nanoTime() % 100000, 36);
        String bucket = name.toLowerCase(Locale.ROOT);
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited during start-up:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() > 0) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while S3Mock was starting", e);
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Mock did not answer within 60 s:\n" + Files.readString(log));
    }

    /** The S3Mock executable jar, found on the class path (it is a dependency of this module). */
    private static Path executableJar() {
        try {
            // Every jar has a manifest, so this finds the jar whatever class loader holds the class path.
            var manifests = Thread.currentThread().getContextClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                String url = manifests.nextElement().toString();
                if (url.startsWith("jar:file:") && url.matches(".*/s3mock-[^/]*-exec\\.jar!/META-INF/MANIFEST\\.MF")) {
                    return Paths.get(URI.create(url.substring("jar:".length(), url.indexOf("!/"))));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not look for the S3Mock jar", e);
        }
        throw new IllegalStateException("com.adobe.testing:s3mock:exec is not on the class path");
    }
}
