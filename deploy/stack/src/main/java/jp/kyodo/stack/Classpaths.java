package jp.kyodo.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The classpath for child JVMs that run classes of this JVM's classpath (the Kafka broker). */
final class Classpaths {

    /** Overrides the computed classpath. */
    static final String OVERRIDE_PROPERTY = "kyodo.stack.classpath";

    private Classpaths() {
    }

    /**
     * This JVM's {@code java.class.path}, with manifest-only jars (Surefire's and Failsafe's booter jar) expanded into
     * the entries their {@code Class-Path} names, keeping only directories and jars that exist.
     */
    static String current() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            add(entries, entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void add(Set<String> entries, String entry) {
        if (entry.isBlank()) {
            return;
        }
        Path path = Path.of(entry).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            entries.add(path.toString());
            return;
        }
        if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".jar")) {
            return;
        }
        if (!entries.add(path.toString())) {
            return;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String ref : classPath.trim().split("\\s+")) {
                if (ref.isEmpty()) {
                    continue;
                }
                URI uri = path.toUri().resolve(ref);
                if ("file".equals(uri.getScheme())) {
                    add(entries, Path.of(uri).toString());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a readable jar: keep it as it is
        }
    }
}
