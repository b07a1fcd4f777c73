package dev.eshop.launcher.services;

import dev.eshop.launcher.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes services start faster on every start after the first, under {@code data/aot/}.
 *
 * <p>Each service jar is extracted once (the layout of {@code java -Djarmode=tools -jar … extract}, done
 * by {@link JarExtractor}: the same classes as plain jars on a class path, which the JVM can cache,
 * unlike the nested jars of a Spring Boot fat jar). Then, by mode:
 * <ul>
 *   <li>{@code cds} (default): a dynamic class-data-sharing archive ({@code -XX:+AutoCreateSharedArchive}),
 *       written by the JVM when the service stops (about 2 s) and mapped at every later start; the JVM
 *       writes it again by itself when it no longer matches (a JDK update).</li>
 *   <li>{@code none}: the fat jar as built, nothing cached.</li>
 * </ul>
 * The JDK 25 AOT cache ({@code -XX:AOTCacheOutput} / {@code -XX:AOTCache}) is not offered: the
 * launcher's README says why.
 * The folder and cache names carry a digest of the jar's path, size and time, so a rebuilt jar gets a
 * fresh extraction and cache; the stale ones are deleted.
 */
public final class ClassCache {

    private final Path directory;
    private final String mode;

    public ClassCache(Path directory, String mode) {
        this.directory = directory;
        this.mode = mode;
    }

    /** What to run for a service: the jar and the JVM options for its cache. */
    public record Plan(Path jar, List<String> jvmOptions) {
    }

    /** Extracts the jar when needed (once per built jar) and says how to run it. */
    public Plan prepare(String name, Path jar) {
        if (mode.equals("none")) {
            return new Plan(jar, List.of());
        }
        String key = name + "-" + digest(jar);
        Path extracted = directory.resolve(key);
        Path runnable = extracted.resolve(jar.getFileName());
        try {
            Files.createDirectories(directory);
            deleteStale(name, key);
            if (!Files.exists(runnable)) {
                extract(jar, extracted);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>();
        options.add("-XX:+AutoCreateSharedArchive");
        options.add("-XX:SharedArchiveFile=" + directory.resolve(key + ".jsa"));
        // The JVM's notes about the archive (created, refused after a JDK update, …) are not worth a line in the log.
        options.add("-Xlog:cds=off,cds+dynamic=off,class+path=off");
        return new Plan(runnable, options);
    }

    /** True when the service's cache is still to be written (it is written when the service stops). */
    public boolean pending(String name, Path jar) {
        if (mode.equals("none")) {
            return false;
        }
        String key = name + "-" + digest(jar);
        return !Files.exists(directory.resolve(key + ".jsa"));
    }

    private void extract(Path jar, Path destination) throws IOException {
        Path temporary = Files.createTempDirectory(directory, ".extract-");
        try {
            JarExtractor.extract(jar, temporary.resolve("out"));
            FileTrees.deleteTree(destination);
            Files.move(temporary.resolve("out"), destination, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalStateException("extracting " + jar.getFileName() + " failed: " + e.getMessage(), e);
        }
        finally {
            FileTrees.deleteTree(temporary);
        }
    }

    private void deleteStale(String name, String key) throws IOException {
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                String fileName = entry.getFileName().toString();
                String base = fileName.replaceAll("\\.jsa$", "");
                if (base.startsWith(name + "-") && base.substring(name.length() + 1).matches("[0-9a-f]{12}")
                        && !base.equals(key)) {
                    FileTrees.deleteTree(entry);
                }
            }
        }
    }

    private static String digest(Path jar) {
        try {
            String identity = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + Runtime.version();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
