package dev.eshop.launcher;

import dev.eshop.launcher.demo.DemoLoader;
import dev.eshop.launcher.engines.Engine;
import dev.eshop.launcher.engines.KafkaEngine;
import dev.eshop.launcher.engines.MariaDbEngine;
import dev.eshop.launcher.engines.PostgresEngine;
import dev.eshop.launcher.engines.RedisEngine;
import dev.eshop.launcher.engines.S3Engine;
import dev.eshop.launcher.services.ClassCache;
import dev.eshop.launcher.services.ServiceCatalog;
import dev.eshop.launcher.services.ServiceJars;
import dev.eshop.launcher.services.ServiceSpec;
import dev.eshop.launcher.services.Supervisor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/eshop}: runs the whole shop on this machine. Takes the data directory (one launcher per
 * directory), checks the ports, starts the engines (PostgreSQL, MariaDB, Redis, Kafka, S3), then every
 * service as its own JVM from its production jar, waits for their readiness, loads the demo data into
 * a new data directory, prints the URLs and demo accounts, and on Ctrl-C or SIGTERM stops the
 * services, then the engines, leaving no process behind.
 */
public final class Launcher {

    /** Printed once everything is up; the smoke test waits for it. */
    public static final String READY = "Eshop is ready";

    private final Console console;
    private final Instant started = Instant.now();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Engine> engines = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::shutdown, "eshop-shutdown");
    private volatile DataDirectory data;
    private volatile Supervisor supervisor;
    private volatile ClassCache classCache;
    private volatile List<ServiceSpec> specs = List.of();
    private volatile ChildProcesses children;
    private Set<Thread> hooksBefore = Set.of();
    private volatile boolean shuttingDown;

    private Launcher(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Console console = Console.forTerminal();
        Launcher launcher = new Launcher(console);
        try {
            launcher.run(args);
        }
        catch (Settings.HelpRequested help) {
            console.plain(Settings.usage());
            System.exit(0);
        }
        catch (LaunchException e) {
            console.error(e.getMessage());
            System.exit(e.exitCode());
        }
        catch (RuntimeException e) {
            console.error("the shop could not be started: " + e + launcher.keepDetails(e));
            System.exit(1);
        }
    }

    private void run(String[] args) {
        if (Runtime.version().feature() < 25) {
            throw new LaunchException("eshop needs Java 25 or newer; this is Java " + Runtime.version() + " at "
                    + System.getProperty("java.home") + ". Set JAVA_HOME to a JDK 25.");
        }
        Path here = launcherLocation();
        Settings settings = Settings.parse(args, System.getenv(), Paths.get("").toAbsolutePath(), projectDirectory(here));
        ServiceJars jars = new ServiceJars(settings.projectDirectory());
        List<String> names = ServiceCatalog.available(jars);
        Path s3Jar = s3MockJar(here);

        data = DataDirectory.open(settings.dataDirectory());
        children = new ChildProcesses(data.root());
        List<Long> leftovers = children.stopLeftovers(Duration.ofSeconds(60));
        if (!leftovers.isEmpty()) {
            console.warn("Stopped " + leftovers.size() + " processes that an earlier launcher on " + data.root()
                    + " left running when it was killed (pids " + leftovers + ").");
        }
        checkPorts(settings, names);
        if (settings.reset()) {
            data.wipe();
            console.info("Data directory " + data.root() + " wiped (--reset).");
        }
        if (data.fresh() && settings.demo()) {
            data.markDemoPending();
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        children.record();

        console.info("Starting the engines: PostgreSQL, MariaDB, Redis, Kafka and S3 (data in " + data.root() + ")");
        classCache = new ClassCache(data.root().resolve("aot"), settings.classCache());
        List<String> postgresDatabases = names.stream().map(ServiceCatalog.POSTGRES_DATABASES::get)
                .filter(java.util.Objects::nonNull).toList();
        PostgresEngine postgres = new PostgresEngine(data.root().resolve("postgres"), settings.port("postgres"), postgresDatabases);
        MariaDbEngine mariaDb = new MariaDbEngine(data.root().resolve("mariadb"), data.root().resolve("mariadb-tmp"),
                settings.port("mariadb"), List.copyOf(ServiceCatalog.MYSQL_DATABASES.values()));
        RedisEngine redis = new RedisEngine(settings.port("redis"));
        KafkaEngine kafka = new KafkaEngine(data.root().resolve("kafka"), settings.port("kafka"), settings.port("kafka-controller"));
        S3Engine s3 = new S3Engine(s3Jar, data.root().resolve("s3"), data.root().resolve("logs").resolve("s3.log"),
                settings.classCache().equals("none") ? null : data.folder("aot").resolve("s3mock.jsa"),
                settings.port("s3"), ServiceCatalog.BUCKETS);
        Map<String, CompletableFuture<Void>> engineStarts = startEngines(List.of(postgres, mariaDb, redis, kafka, s3));

        var secrets = data.secrets(ServiceCatalog.SECRET_NAMES.toArray(String[]::new));
        ServiceCatalog catalog = new ServiceCatalog(settings, jars, secrets);
        specs = catalog.specs(names, postgres, mariaDb, kafka.bootstrapServers(), s3);
        if (shuttingDown) {
            return;
        }
        supervisor = new Supervisor(specs, classCache, settings.serviceJvmOptions(), console, settings.quiet(),
                data.root().resolve("logs"));
        console.info("Starting " + String.join(", ", names) + ", each its own JVM as soon as its engines are up"
                + (settings.classCache().equals("none") ? "" : " (class cache: " + settings.classCache() + ")"));
        supervisor.startAll(service -> CompletableFuture.allOf(ServiceCatalog.enginesOf(service).stream()
                .map(engineStarts::get).toArray(CompletableFuture[]::new)));
        CompletableFuture.allOf(engineStarts.values().toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        for (CompletableFuture<Void> start : engineStarts.values()) {
            if (start.isCompletedExceptionally()) {
                try {
                    start.join();
                }
                catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        // The launcher stops the databases itself, after the services: take back the libraries' own hooks.
        ShutdownHooks.removeAddedSince(hooksBefore, shutdownHook);
        supervisor.awaitReady(Duration.ofMinutes(6));

        if (data.demoPending() && settings.demo()) {
            console.info("Loading the demo data (first start of this data directory)…");
            Map<String, String> urls = new LinkedHashMap<>();
            names.forEach(name -> urls.put(name, catalog.url(name)));
            try {
                new DemoLoader(console, catalog.secret("admin-client-secret"), catalog.url("admin") + "/login/oauth2/code/eshop", urls)
                        .load(ServiceCatalog.ADMIN_EMAIL, ServiceCatalog.ADMIN_PASSWORD, ServiceCatalog.CUSTOMER_NAME,
                                ServiceCatalog.CUSTOMER_EMAIL, ServiceCatalog.CUSTOMER_PASSWORD);
                data.markDemoLoaded();
            }
            catch (RuntimeException e) {
                // The shop works without it; the next start loads what is missing.
                console.alarm("The demo data could not be loaded completely: " + e.getMessage()
                        + ". The shop runs without it; the next start tries again.");
            }
        }
        printReady(catalog);
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the whole story of an unexpected failure is kept, since the console gets one line. */
    private String keepDetails(RuntimeException failure) {
        if (data == null) {
            return "";
        }
        Path log = data.root().resolve("logs").resolve("launcher.log");
        try {
            Files.createDirectories(log.getParent());
            java.io.StringWriter trace = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(trace));
            Files.writeString(log, Instant.now() + " " + trace, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return " (details in " + log + ")";
        }
        catch (IOException e) {
            return "";
        }
    }

    /** Starts every engine at once; each future completes when that engine is up. */
    private Map<String, CompletableFuture<Void>> startEngines(List<Engine> toStart) {
        hooksBefore = ShutdownHooks.registered();
        Map<String, CompletableFuture<Void>> starts = new LinkedHashMap<>();
        for (Engine engine : toStart) {
            engines.add(engine);
            CompletableFuture<Void> started = new CompletableFuture<>();
            starts.put(engine.portSetting(), started);
            Thread.ofPlatform().name("start-" + engine.portSetting()).start(() -> {
                Instant begin = Instant.now();
                try {
                    engine.start();
                    console.info(engine.name() + " ready in " + Console.seconds(Duration.between(begin, Instant.now())));
                    started.complete(null);
                }
                catch (Exception e) {
                    started.completeExceptionally(new LaunchException(engine.name() + " did not start: " + e.getMessage()));
                }
            });
        }
        return starts;
    }

    private void printReady(ServiceCatalog catalog) {
        List<String[]> rows = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            if (spec.web()) {
                rows.add(new String[] {spec.name().equals("storefront") ? "Storefront (shop)" : "Admin (back office)",
                        spec.baseUrl() + "/"});
            }
        }
        for (ServiceSpec spec : specs) {
            if (!spec.web()) {
                rows.add(new String[] {spec.name() + " API", spec.baseUrl() + "/swagger-ui.html"});
            }
        }
        rows.add(new String[] {"Sign-in page (auth)", catalog.url("auth") + "/login"});
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(10) + 2;
        StringBuilder table = new StringBuilder("\n");
        table.append("  ").append(console.bold(READY)).append(" (started in ")
                .append(Console.seconds(Duration.between(started, Instant.now()))).append(")\n\n");
        for (String[] row : rows) {
            table.append("  ").append(String.format("%-" + width + "s", row[0])).append(row[1]).append('\n');
        }
        table.append("\n  ").append(console.bold("Demo accounts")).append('\n');
        table.append("  ").append(String.format("%-" + width + "s", "admin"))
                .append(ServiceCatalog.ADMIN_EMAIL).append("  /  ").append(ServiceCatalog.ADMIN_PASSWORD).append('\n');
        table.append("  ").append(String.format("%-" + width + "s", "customer"))
                .append(ServiceCatalog.CUSTOMER_EMAIL).append("  /  ").append(ServiceCatalog.CUSTOMER_PASSWORD).append('\n');
        table.append("\n  Data: ").append(data.root()).append(" (kept across restarts; bin/eshop --reset wipes it)\n");
        table.append("  Client secrets: ").append(data.root().resolve("secrets.properties")).append('\n');
        table.append("  Logs: ").append(data.root().resolve("logs")).append("    Stop: Ctrl-C\n");
        console.plain(table.toString());
    }

    /** Runs on Ctrl-C, SIGTERM or exit: services first, then engines, then anything left below this process. */
    private void shutdown() {
        shuttingDown = true;
        try {
            console.info("Stopping the shop…");
            Supervisor running = supervisor;
            if (running != null) {
                boolean saving = classCache != null && specs.stream()
                        .anyMatch(spec -> classCache.pending(spec.name(), spec.jar()));
                if (saving) {
                    console.info("Saving the services' start-up cache (class-data archives, once per build)…");
                }
                running.stopAll(Duration.ofSeconds(45));
            }
            List<Thread> stoppers = new ArrayList<>();
            for (Engine engine : engines.reversed()) {
                stoppers.add(Thread.ofPlatform().name("stop-" + engine.portSetting()).start(engine::stop));
            }
            for (Thread stopper : stoppers) {
                stopper.join(Duration.ofSeconds(60));
            }
            killLeftovers();
            if (children != null) {
                children.forget();
            }
            console.info("Stopped.");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            if (data != null) {
                data.close();
            }
            stopped.countDown();
        }
    }

    private static void killLeftovers() throws InterruptedException {
        List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            }
            catch (Exception stillThere) {
                process.destroyForcibly();
            }
        }
    }

    private void checkPorts(Settings settings, List<String> services) {
        List<String> used = new ArrayList<>(List.of("postgres", "mariadb", "redis", "kafka", "kafka-controller", "s3"));
        used.addAll(services);
        for (String name : used) {
            int port = settings.port(name);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
            catch (IOException e) {
                throw new LaunchException("Port " + port + " (" + name + ") is already in use: stop what uses it, or choose "
                        + "another with " + Settings.portSetting(name) + ".");
            }
        }
    }

    /** The launcher's jar (or classes folder). */
    private static Path launcherLocation() {
        try {
            return Paths.get(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checkout: {@code launcher/target/<jar>} → three levels up; else the working directory. */
    private static Path projectDirectory(Path here) {
        Path candidate = here.getParent() == null ? null : here.getParent().getParent();
        candidate = candidate == null ? null : candidate.getParent();
        if (candidate != null && Files.isDirectory(candidate.resolve("services"))) {
            return candidate;
        }
        return Paths.get("").toAbsolutePath();
    }

    /** S3Mock's executable jar, copied beside the launcher jar into {@code lib/} by the build. */
    private static Path s3MockJar(Path here) {
        Path lib = here.getParent().resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                var jar = files.filter(f -> f.getFileName().toString().matches("s3mock-.*-exec\\.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
            catch (IOException e) {
                throw new LaunchException("Cannot look into " + lib + ": " + e.getMessage());
            }
        }
        throw new LaunchException("S3Mock's jar is missing from " + lib + "; rebuild the launcher: ./mvnw -q -pl launcher package -DskipTests");
    }

}
