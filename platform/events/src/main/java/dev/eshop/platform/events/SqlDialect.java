package dev.eshop.platform.events;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** The few places where the outbox and inbox SQL differ between PostgreSQL and MySQL/MariaDB. */
public enum SqlDialect {

    POSTGRESQL("CAST(? AS jsonb)", "INSERT INTO processed_event (event_id, topic, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
    MYSQL("?", "INSERT IGNORE INTO processed_event (event_id, topic, processed_at) VALUES (?, ?, ?)");

    private final String jsonParameter;
    private final String insertProcessedEvent;

    SqlDialect(String jsonParameter, String insertProcessedEvent) {
        this.jsonParameter = jsonParameter;
        this.insertProcessedEvent = insertProcessedEvent;
    }

    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return MYSQL;
            }
            throw new IllegalStateException("no outbox SQL for " + product);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not tell which database this is", e);
        }
    }

    /** A UUID as the column stores it: native {@code uuid} in PostgreSQL, {@code CHAR(36)} in MySQL. */
    public Object uuid(UUID id) {
        return this == POSTGRESQL ? id : id.toString();
    }

    public String jsonParameter() {
        return jsonParameter;
    }

    public String insertProcessedEvent() {
        return insertProcessedEvent;
    }
}
