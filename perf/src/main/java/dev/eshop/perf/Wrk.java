package dev.eshop.perf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the load tool wrk (Debian package {@code wrk}) with one of this module's Lua scripts. */
public final class Wrk {

    private Wrk() {
    }

    /**
     * Runs {@code wrk} against {@code url} and returns the summary line the script prints
     * (requests, errors, non-2xx, requests/s, p50, p95, p99, max).
     */
    public static String run(String script, String url, int threads, int connections, int seconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path lua = Files.createTempFile("wrk-", ".lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + script)) {
            Files.write(lua, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", lua.toString(), url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is the Debian package wrk installed?):\n" + output);
        }
        return output.lines().filter(line -> line.startsWith("requests=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no summary from wrk:\n" + output));
    }

    public static Path lines(List<String> lines) throws IOException {
        Path file = Files.createTempFile("wrk-", ".txt");
        Files.write(file, lines);
        return file;
    }
}
