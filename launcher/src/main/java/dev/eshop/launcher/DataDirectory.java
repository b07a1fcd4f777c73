package dev.eshop.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

/**
 * The launcher's data directory ({@code ./data}): one folder per engine, the demo-data marker,
 * generated secrets, the service class caches, and a lock file held while a launcher runs on it.
 */
public final class DataDirectory implements AutoCloseable {

    private static final String LOCK = ".lock";
    private static final String DEMO_MARKER = ".demo-loaded";
    private static final String DEMO_PENDING = ".demo-pending";
    private static final String SECRETS = "secrets.properties";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean fresh;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock, boolean fresh) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.fresh = fresh;
    }

    /** Takes the directory for this launcher (creating it when missing), refusing when another launcher holds it. */
    public static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
        }
        catch (IOException e) {
            throw new LaunchException("Cannot create the data directory " + root + ": " + e.getMessage());
        }
        Path lockFile = root.resolve(LOCK);
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                lock = null;
            }
        }
        catch (IOException e) {
            throw new LaunchException("Cannot lock the data directory " + root + ": " + e.getMessage());
        }
        if (lock == null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // nothing held
            }
            throw new LaunchException("Another eshop launcher is already running on " + root
                    + " (it holds " + lockFile.getFileName() + "). Stop it first, or use another directory with --data-dir.");
        }
        try {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()));
            boolean fresh;
            try (var entries = Files.list(root)) {
                fresh = entries.noneMatch(entry -> !entry.getFileName().toString().equals(LOCK)
                        && !entry.getFileName().toString().equals("aot"));
            }
            return new DataDirectory(root, channel, lock, fresh);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes everything in the directory but the lock ({@code --reset}): the shop starts as new. */
    public void wipe() {
        try (var entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(LOCK)) {
                    FileTrees.deleteTree(entry);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fresh = true;
    }

    public Path root() {
        return root;
    }

    /** A folder of its own for an engine or a cache, created when missing. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** True when the directory held no data when this launcher took it (new, or just reset). */
    public boolean fresh() {
        return fresh;
    }

    /**
     * True while the demo data of a new directory still has to be loaded: marked when the directory is
     * new, cleared once loading succeeded (so a start that died half-way loads the rest next time).
     */
    public boolean demoPending() {
        return Files.exists(root.resolve(DEMO_PENDING)) && !Files.exists(root.resolve(DEMO_MARKER));
    }

    public void markDemoPending() {
        write(DEMO_PENDING, "Demo data to be loaded (directory created at " + Instant.now() + ")\n");
    }

    public void markDemoLoaded() {
        write(DEMO_MARKER, "Demo data loaded at " + Instant.now() + "\n");
        try {
            Files.deleteIfExists(root.resolve(DEMO_PENDING));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String text) {
        try {
            Files.writeString(root.resolve(name), text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The secrets of this shop (client secrets, the key that encrypts auth's signing keys): generated
     * at first start, kept in {@code secrets.properties} so restarts keep working with the same data.
     */
    public Properties secrets(String... names) {
        Path file = root.resolve(SECRETS);
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            for (String name : names) {
                if (!secrets.containsKey(name)) {
                    byte[] bytes = new byte[24];
                    random.nextBytes(bytes);
                    secrets.setProperty(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                    changed = true;
                }
            }
            if (changed) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.store(out, "Generated by the eshop launcher for this data directory; keep them with the data.");
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        }
        catch (IOException ignored) {
            // the process is ending; the operating system releases the lock anyway
        }
    }
}
