package dev.eshop.launcher.services;

import dev.eshop.launcher.Console;
import dev.eshop.launcher.LaunchException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Starts every service JVM, waits for their readiness, and stops them all. */
public final class Supervisor {

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Console console;

    public Supervisor(List<ServiceSpec> specs, ClassCache classCache, List<String> jvmOptions, Console console, boolean quiet,
                      Path logDirectory) {
        this.console = console;
        int width = specs.stream().mapToInt(spec -> spec.name().length()).max().orElse(8);
        for (int i = 0; i < specs.size(); i++) {
            processes.add(new ServiceProcess(specs.get(i), classCache, jvmOptions, console, i, width, quiet, logDirectory));
        }
    }

    /**
     * Starts every service as soon as the engines it needs are up (a service on PostgreSQL need not
     * wait for MariaDB), each extracting its jar first when the class cache needs it. Returns at once.
     */
    public void startAll(Function<String, CompletableFuture<?>> enginesOf) {
        for (ServiceProcess process : processes) {
            Thread.ofVirtual().name("start-" + process.name()).start(() -> {
                try {
                    enginesOf.apply(process.name()).join();
                }
                catch (RuntimeException engineFailed) {
                    process.ready().completeExceptionally(engineFailed);
                    return;
                }
                process.start();
            });
        }
    }

    /** Waits until every service answers its readiness probe; one that cannot start stops the launch. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> reports = new ArrayList<>();
        for (ServiceProcess process : processes) {
            reports.add(process.ready().thenAccept(took -> console.info(process.name() + " ready in "
                    + Console.seconds(took) + " at " + process.spec().baseUrl())));
        }
        for (ServiceProcess process : processes) {
            try {
                process.ready().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException e) {
                throw new LaunchException(process.name() + " was not ready within " + timeout.toSeconds()
                        + " s; its log is in data/logs/" + process.name() + ".log. Last lines:\n" + process.lastLines(15));
            }
            catch (ExecutionException e) {
                throw new LaunchException(process.name() + " could not be started: " + e.getCause().getMessage());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for " + process.name());
            }
        }
        CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).join();
    }

    /** SIGTERM to every service at once, then waits (each is killed after the grace period). */
    public void stopAll(Duration grace) {
        processes.forEach(ServiceProcess::requestStop);
        List<Thread> waiters = new ArrayList<>();
        for (ServiceProcess process : processes) {
            waiters.add(Thread.ofPlatform().name("stop-" + process.name()).start(() -> process.awaitStop(grace)));
        }
        for (Thread waiter : waiters) {
            try {
                waiter.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
