package dev.eshop.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM; every caller gets a database of its own.
 */
public final class PostgresEngine {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresEngine instance;

    private final EmbeddedPostgres postgres;

    private PostgresEngine() throws IOException {
        this.postgres = EmbeddedPostgres.builder()
                .setPort(Ports.free())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
        STARTS.incrementAndGet();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "postgres-engine-stop"));
    }

    public static synchronized PostgresEngine get() {
        if (instance == null) {
            try {
                instance = new PostgresEngine();
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return instance;
    }

    /** How often this JVM started PostgreSQL. */
    public static int starts() {
        return STARTS.get();
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates an empty database named after {@code hint} and returns its name. */
    public String createDatabase(String hint) {
        String name = DatabaseNames.unique(hint, DATABASES.incrementAndGet());
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    private void close() {
        try {
            postgres.close();
        }
        catch (IOException ignored) {
            // the JVM is going away; the data directory is temporary
        }
    }
}
