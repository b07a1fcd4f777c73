package dev.eshop.e2e;

import dev.eshop.e2e.shop.LaunchedShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the person starting the shop sees when it cannot start: one line that says why, no stack trace. */
class LauncherRefusalsTest {

    @TempDir
    Path directory;

    @Test
    void aPortInUseIsNamedAndNothingIsStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path data = directory.resolve("data");
            Result result = run(List.of(java(), "-jar", LaunchedShop.launcherJar().toString(), "--data-dir=" + data,
                    "--auth-port=" + taken.getLocalPort()));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("Port " + taken.getLocalPort() + " (auth) is already in use")
                    .contains("--auth-port").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(data.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void aSecondLauncherOnTheSameDataDirectoryIsRefusedAndWipesNothing() throws Exception {
        Path data = Files.createDirectories(directory.resolve("data"));
        Path kept = Files.writeString(Files.createDirectories(data.resolve("postgres")).resolve("PG_VERSION"), "17");
        // The lock a running launcher holds, taken by this process as the first launcher would.
        try (FileChannel lockFile = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lockFile.lock()) {
            Result result = run(List.of(java(), "-jar", LaunchedShop.launcherJar().toString(), "--data-dir=" + data, "--reset"));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output().strip()).doesNotContain("\n")
                    .contains("Another eshop launcher is already running on " + data).contains("--data-dir");
            assertThat(kept).hasContent("17");
        }
    }

    @Test
    void aMissingJavaIsReportedInOneLine() throws Exception {
        Path nowhere = directory.resolve("no-jdk-here");
        ProcessBuilder builder = new ProcessBuilder("bash", projectFile("bin/eshop").toString());
        builder.environment().put("JAVA_HOME", nowhere.toString());
        Result result = run(builder);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).doesNotContain("\n")
                .contains("needs a JDK 25 or newer and found no java in JAVA_HOME=" + nowhere);
    }

    @Test
    void aJavaOlderThan25IsReportedInOneLine() throws Exception {
        Path javaHome = directory.resolve("jdk-17");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        java.toFile().setExecutable(true);

        ProcessBuilder builder = new ProcessBuilder("bash", projectFile("bin/eshop").toString());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Result result = run(builder);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip()).doesNotContain("\n")
                .contains("needs a JDK 25 or newer").contains(java + " (Java 17)").contains("JAVA_HOME");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        builder.redirectErrorStream(true).environment().put("NO_COLOR", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("still running after 2 minutes:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path projectFile(String path) {
        Path here = Paths.get(path);
        return (Files.exists(here) ? here : Paths.get("..").resolve(path)).toAbsolutePath().normalize();
    }
}
