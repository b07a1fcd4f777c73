package dev.eshop.launcher.services;

import dev.eshop.launcher.Console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service running as its own JVM, supervised: its output is forwarded line by line with a
 * coloured prefix (and kept in {@code data/logs/<name>.log}); it is ready when its readiness probe
 * answers 200; when it exits without being asked to, the crash is reported loudly and the service is
 * started again (at most {@value #MAX_RESTARTS} times in {@value #RESTART_WINDOW_MINUTES} minutes).
 */
public final class ServiceProcess {

    static final int MAX_RESTARTS = 5;
    static final int RESTART_WINDOW_MINUTES = 10;
    private static final Pattern IMPORTANT = Pattern.compile("\\b(WARN|ERROR|FATAL)\\b|Exception|^\\s+at |^Caused by");

    private final ServiceSpec spec;
    private final ClassCache classCache;
    private final List<String> jvmOptions;
    private final Console console;
    private final int colour;
    private final int prefixWidth;
    private final boolean quiet;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private volatile boolean stopping;
    private volatile Process process;
    private volatile CompletableFuture<Duration> ready = new CompletableFuture<>();
    private volatile Instant startedAt;

    public ServiceProcess(ServiceSpec spec, ClassCache classCache, List<String> jvmOptions, Console console, int colour,
                          int prefixWidth, boolean quiet, Path logDirectory) {
        this.spec = spec;
        this.classCache = classCache;
        this.jvmOptions = jvmOptions;
        this.console = console;
        this.colour = colour;
        this.prefixWidth = prefixWidth;
        this.quiet = quiet;
        this.logFile = logDirectory.resolve(spec.name() + ".log");
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** Completes with the start-up time when the service is ready; fails when it cannot be started. */
    public CompletableFuture<Duration> ready() {
        return ready;
    }

    /** Prepares the jar (extraction for the class cache) and starts the JVM. */
    public synchronized void start() {
        if (stopping) {
            return;
        }
        ClassCache.Plan plan;
        try {
            plan = classCache.prepare(spec.name(), spec.jar());
        }
        catch (RuntimeException e) {
            // A jar being rebuilt right now, a full disk: run the jar as it is, without the cache.
            console.warn(spec.name() + ": no start-up cache this time (" + e.getMessage() + ")");
            plan = new ClassCache.Plan(spec.jar(), List.of());
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(plan.jvmOptions());
        command.add("-jar");
        command.add(plan.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(spec.environment());
        builder.environment().put("SERVER_PORT", Integer.toString(spec.port()));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        startedAt = Instant.now();
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- " + startedAt + " starting " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        }
        catch (IOException e) {
            ready.completeExceptionally(new IllegalStateException("could not start " + spec.name() + ": " + e.getMessage(), e));
            return;
        }
        Process started = process;
        Thread.ofVirtual().name(spec.name() + "-log").start(() -> forward(started));
        Thread.ofVirtual().name(spec.name() + "-readiness").start(() -> awaitReady(started));
        started.onExit().thenAccept(this::exited);
    }

    private void forward(Process source) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.println(line);
                remember(line);
                if (!quiet || IMPORTANT.matcher(line).find()) {
                    console.forward(spec.name(), colour, prefixWidth, line);
                }
            }
        }
        catch (IOException ignored) {
            // the process went away
        }
    }

    private void remember(String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            while (lastLines.size() > 30) {
                lastLines.removeFirst();
            }
        }
    }

    /** The service's last lines of output, for a failure message. */
    public String lastLines(int count) {
        synchronized (lastLines) {
            List<String> all = new ArrayList<>(lastLines);
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }

    private void awaitReady(Process watched) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        while (watched.isAlive() && !stopping) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Duration took = Duration.between(startedAt, Instant.now());
                    ready.complete(took);
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(250);
        }
    }

    private void exited(Process gone) {
        if (stopping || gone != process) {
            return;
        }
        // Ctrl-C reaches the services too: give the launcher's own shutdown a moment to begin before calling it a crash.
        sleep(1500);
        if (stopping) {
            return;
        }
        int code = gone.exitValue();
        Instant now = Instant.now();
        synchronized (restarts) {
            while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(Duration.ofMinutes(RESTART_WINDOW_MINUTES)))) {
                restarts.removeFirst();
            }
            if (restarts.size() >= MAX_RESTARTS) {
                console.alarm(spec.name() + " CRASHED (exit code " + code + ") for the " + (MAX_RESTARTS + 1)
                        + "th time in " + RESTART_WINDOW_MINUTES + " minutes; not restarting it. Its log: " + logFile);
                process = null;
                ready.completeExceptionally(new IllegalStateException(spec.name() + " keeps crashing (exit code " + code
                        + "); last lines:\n" + lastLines(15)));
                return;
            }
            restarts.addLast(now);
        }
        console.alarm(spec.name() + " CRASHED (exit code " + code + "); restarting it (" + restarts.size() + " of "
                + MAX_RESTARTS + "). Its log: " + logFile);
        if (ready.isDone()) {
            // It had been ready: a new readiness to wait for. (A crash during start-up keeps the first one.)
            CompletableFuture<Duration> back = new CompletableFuture<>();
            back.thenAccept(took -> console.success(spec.name() + " is back (ready in " + Console.seconds(took) + ")."));
            ready = back;
        }
        start();
    }

    /** Asks the JVM to stop (SIGTERM); no restart follows. Waits for a start under way to finish. */
    public synchronized void requestStop() {
        stopping = true;
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
        }
    }

    /** Waits for the JVM to end after {@link #requestStop()}; kills it and its children after the grace period. */
    public void awaitStop(Duration grace) {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                console.warn(spec.name() + " did not stop within " + Console.seconds(grace) + "; killing it.");
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
                running.waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
