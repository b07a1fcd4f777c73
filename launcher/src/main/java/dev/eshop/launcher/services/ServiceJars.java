package dev.eshop.launcher.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds each service's executable jar in the checkout: {@code services/<name>/target} or {@code web/<name>/target}. */
public final class ServiceJars {

    private final Path projectDirectory;

    public ServiceJars(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    public Optional<Path> service(String name) {
        return find(projectDirectory.resolve("services").resolve(name).resolve("target"), name);
    }

    public Optional<Path> webApp(String name) {
        return find(projectDirectory.resolve("web").resolve(name).resolve("target"), name);
    }

    public Path projectDirectory() {
        return projectDirectory;
    }

    private static Optional<Path> find(Path target, String name) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (var files = Files.list(target)) {
            return files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith(name + "-") && fileName.endsWith(".jar")
                                && !fileName.matches(".*-(sources|javadoc|plain|aws|tests)\\.jar");
                    })
                    .filter(Files::isRegularFile)
                    .findFirst();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
