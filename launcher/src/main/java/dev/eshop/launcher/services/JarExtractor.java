package dev.eshop.launcher.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.Deflater;

/**
 * Turns a Spring Boot fat jar into the layout of {@code java -Djarmode=tools -jar app.jar extract}: a
 * thin {@code <app>.jar} (the application's classes, {@code Main-Class} its start class,
 * {@code Class-Path} its libraries in the order of {@code classpath.idx}) and {@code lib/*.jar}. Done in
 * the launcher's own JVM: one JVM less to start per service on the first start.
 */
final class JarExtractor {

    private JarExtractor() {
    }

    static void extract(Path fatJar, Path destination) throws IOException {
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            Manifest original = jar.getManifest();
            Attributes main = original == null ? null : original.getMainAttributes();
            String startClass = main == null ? null : main.getValue("Start-Class");
            if (startClass == null) {
                throw new IOException(fatJar.getFileName() + " is not a Spring Boot executable jar (no Start-Class)");
            }
            String classes = valueOr(main, "Spring-Boot-Classes", "BOOT-INF/classes/");
            String lib = valueOr(main, "Spring-Boot-Lib", "BOOT-INF/lib/");
            String index = valueOr(main, "Spring-Boot-Classpath-Index", "BOOT-INF/classpath.idx");

            List<String> libraries = new ArrayList<>();
            JarEntry indexEntry = jar.getJarEntry(index);
            if (indexEntry != null) {
                try (InputStream in = jar.getInputStream(indexEntry)) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String name = line.trim().replaceFirst("^- ", "").replace("\"", "");
                        if (name.startsWith(lib)) {
                            libraries.add(name);
                        }
                    }
                }
            }
            else {
                jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(lib) && n.endsWith(".jar")).forEach(libraries::add);
            }

            Path libDirectory = destination.resolve("lib");
            Files.createDirectories(libDirectory);
            StringBuilder classPath = new StringBuilder();
            for (String library : libraries) {
                JarEntry entry = jar.getJarEntry(library);
                if (entry == null) {
                    continue;
                }
                String fileName = library.substring(library.lastIndexOf('/') + 1);
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, libDirectory.resolve(fileName));
                }
                classPath.append(classPath.isEmpty() ? "" : " ").append("lib/").append(fileName);
            }

            Manifest manifest = new Manifest();
            Attributes attributes = manifest.getMainAttributes();
            main.forEach((key, value) -> {
                String name = key.toString();
                if (!name.startsWith("Spring-Boot-") || name.equals("Spring-Boot-Version")) {
                    attributes.put(key, value);
                }
            });
            attributes.remove(new Attributes.Name("Start-Class"));
            attributes.put(Attributes.Name.MAIN_CLASS, startClass);
            attributes.put(Attributes.Name.CLASS_PATH, classPath.toString());

            try (OutputStream file = Files.newOutputStream(destination.resolve(fatJar.getFileName()));
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.setLevel(Deflater.BEST_SPEED);
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    String target;
                    if (name.startsWith(classes)) {
                        target = name.substring(classes.length());
                    }
                    else if (name.startsWith("META-INF/maven/")) {
                        target = name;
                    }
                    else {
                        continue; // the loader, its services file, the indexes, the libraries (written above)
                    }
                    if (target.isEmpty() || target.equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    JarEntry copy = new JarEntry(target);
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    if (!entry.isDirectory()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static String valueOr(Attributes attributes, String name, String fallback) {
        String value = attributes.getValue(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
