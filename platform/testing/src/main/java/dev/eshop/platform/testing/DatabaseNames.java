package dev.eshop.platform.testing;

import java.util.Locale;

final class DatabaseNames {

    private DatabaseNames() {
    }

    /** A lower-case SQL identifier such as {@code t7_outbox_relay_test}, unique within the JVM. */
    static String unique(String hint, int number) {
        String cleaned = hint.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        String name = "t" + number + "_" + cleaned;
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
