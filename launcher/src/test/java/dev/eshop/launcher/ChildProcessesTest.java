package dev.eshop.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a killed launcher left running is stopped by the next one on the same data directory, and nothing else. */
class ChildProcessesTest {

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theNextLauncherStopsTheProcessesTheKilledOneRecorded() throws Exception {
        Process service = sleeper();
        Process engine = sleeper();
        ChildProcesses killedLauncher = new ChildProcesses(data);
        killedLauncher.record();
        awaitRecorded(service, engine);

        List<Long> stopped = new ChildProcesses(data).stopLeftovers(Duration.ofSeconds(10));

        assertThat(stopped).contains(service.pid(), engine.pid());
        assertThat(service.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.waitFor(5, TimeUnit.SECONDS)).isTrue();
        killedLauncher.forget();
    }

    @Test
    void aRecordedIdNowUsedByAnotherProcessIsLeftAlone() throws Exception {
        Process unrelated = sleeper();
        long otherStart = unrelated.info().startInstant().orElseThrow().toEpochMilli() - 60_000;
        Files.writeString(data.resolve(ChildProcesses.FILE), unrelated.pid() + " " + otherStart);

        assertThat(new ChildProcesses(data).stopLeftovers(Duration.ofSeconds(1))).isEmpty();
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void aCleanStopLeavesNothingToFind() throws Exception {
        Process service = sleeper();
        ChildProcesses launcher = new ChildProcesses(data);
        launcher.record();
        awaitRecorded(service);
        launcher.forget();

        assertThat(data.resolve(ChildProcesses.FILE)).doesNotExist();
        assertThat(new ChildProcesses(data).stopLeftovers(Duration.ofSeconds(1))).isEmpty();
        assertThat(service.isAlive()).isTrue();
    }

    private Process sleeper() throws Exception {
        Process process = new ProcessBuilder("sleep", "600").start();
        started.add(process);
        return process;
    }

    private void awaitRecorded(Process... processes) throws Exception {
        Path file = data.resolve(ChildProcesses.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String recorded = Files.exists(file) ? Files.readString(file) : "";
            if (java.util.Arrays.stream(processes).allMatch(process -> recorded.contains(process.pid() + " "))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the processes were not recorded in " + file);
    }
}
