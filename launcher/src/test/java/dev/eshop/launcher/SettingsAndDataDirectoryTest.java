package dev.eshop.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's bad-input answers: one clear line, never a stack trace. */
class SettingsAndDataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void flagsWinOverEnvironmentVariablesWhichWinOverDefaults() {
        Settings settings = Settings.parse(new String[] {"--auth-port=9100", "--reset"},
                Map.of("ESHOP_AUTH_PORT", "9200", "ESHOP_PRODUCT_PORT", "9201"), directory, directory);

        assertThat(settings.port("auth")).isEqualTo(9100);
        assertThat(settings.port("product")).isEqualTo(9201);
        assertThat(settings.port("cart")).isEqualTo(8102);
        assertThat(settings.reset()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(directory.resolve("data"));
    }

    @Test
    void badFlagsAndPortsAreOneLineMessages() {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--colour"}, Map.of(), directory, directory))
                .isInstanceOf(LaunchException.class).hasMessage("Unknown option --colour. Run bin/eshop --help for the options.");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--cart-port=abc"}, Map.of(), directory, directory))
                .isInstanceOf(LaunchException.class).hasMessageContaining("--cart-port=N (or ESHOP_CART_PORT)");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--cart-port=8101"}, Map.of(), directory, directory))
                .isInstanceOf(LaunchException.class).hasMessageContaining("Port 8101 is set for both product and cart");
    }

    @Test
    void aSecondLauncherOnTheSameDataDirectoryIsRefused() {
        try (DataDirectory first = DataDirectory.open(directory.resolve("data"))) {
            assertThat(first.fresh()).isTrue();
            assertThatThrownBy(() -> DataDirectory.open(directory.resolve("data")))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("Another eshop launcher is already running on " + directory.resolve("data"));
        }
        // Released with the first one.
        DataDirectory.open(directory.resolve("data")).close();
    }

    @Test
    void resetWipesEverythingButTheLockAndTheDemoIsLoadedOnlyIntoANewDirectory() throws Exception {
        Path data = directory.resolve("data");
        try (DataDirectory first = DataDirectory.open(data)) {
            first.markDemoPending();
            Files.writeString(first.folder("postgres").resolve("PG_VERSION"), "17");
            assertThat(first.demoPending()).isTrue();
            first.markDemoLoaded();
            assertThat(first.demoPending()).isFalse();
            assertThat(first.secrets("a")).isEqualTo(first.secrets("a"));
        }
        try (DataDirectory again = DataDirectory.open(data)) {
            assertThat(again.fresh()).isFalse();
        }
        try (DataDirectory reset = DataDirectory.open(data)) {
            reset.wipe();
            assertThat(reset.fresh()).isTrue();
            assertThat(data.resolve(".lock")).exists();
            assertThat(Files.exists(data.resolve("postgres"))).isFalse();
        }
    }
}
