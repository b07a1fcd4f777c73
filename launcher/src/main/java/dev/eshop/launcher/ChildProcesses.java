package dev.eshop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The processes a launcher started, listed in {@code data/.processes} while it runs. A launcher that
 * is killed outright (SIGKILL, an out-of-memory killer) cannot stop them, and they would keep the
 * ports and the database files; the next launcher on the same data directory finds them in the list
 * and stops them before it starts anything. PostgreSQL's server is not a child ({@code pg_ctl}
 * detaches it): its {@code postmaster.pid} names it.
 */
final class ChildProcesses {

    static final String FILE = ".processes";
    private static final Duration RECORD_EVERY = Duration.ofSeconds(2);

    private final Path file;
    private final Path postmasterPid;
    private volatile boolean recording;

    ChildProcesses(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
        this.postmasterPid = dataDirectory.resolve("postgres").resolve("postmaster.pid");
    }

    /**
     * Stops whatever an earlier launcher on this directory left running: SIGTERM to all, then a kill
     * after {@code grace}. Returns the process ids it found.
     */
    List<Long> stopLeftovers(Duration grace) {
        List<ProcessHandle> left = new ArrayList<>();
        for (String line : lines()) {
            String[] fields = line.trim().split(" ");
            if (fields.length != 2) {
                continue;
            }
            long started = Long.parseLong(fields[1]);
            ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(process -> startedAt(process).filter(instant -> instant.toEpochMilli() == started).isPresent())
                    .ifPresent(left::add);
        }
        postmaster().ifPresent(left::add);
        left.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (Exception stillThere) {
                process.destroyForcibly();
            }
        }
        return left.stream().map(ProcessHandle::pid).toList();
    }

    /** Keeps the list of this launcher's child processes up to date until {@link #forget()}. */
    void record() {
        recording = true;
        Thread.ofVirtual().name("child-processes").start(() -> {
            String written = "";
            while (recording) {
                String now = ProcessHandle.current().descendants()
                        .flatMap(process -> startedAt(process).map(instant -> process.pid() + " " + instant.toEpochMilli()).stream())
                        .collect(Collectors.joining("\n"));
                if (!now.equals(written)) {
                    write(now);
                    written = now;
                }
                try {
                    Thread.sleep(RECORD_EVERY);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Everything is stopped: nothing is left for a next launcher to find. */
    synchronized void forget() {
        recording = false;
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // a stale list only names processes that no longer exist
        }
    }

    private synchronized void write(String pids) {
        if (!recording) {
            return;
        }
        try {
            Path temporary = file.resolveSibling(FILE + ".new");
            Files.writeString(temporary, pids);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ignored) {
            // the next round writes it again
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
        catch (IOException e) {
            return List.of();
        }
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            if (!Files.exists(postmasterPid)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().trim());
            return ProcessHandle.of(pid)
                    .filter(process -> process.info().commandLine()
                            .map(command -> command.contains(postmasterPid.getParent().toString())).orElse(false));
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> startedAt(ProcessHandle process) {
        return process.info().startInstant();
    }
}
