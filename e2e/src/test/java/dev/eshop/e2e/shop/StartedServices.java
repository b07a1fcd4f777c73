package dev.eshop.e2e.shop;

import dev.eshop.platform.testing.MariaDbEngine;
import dev.eshop.platform.testing.PostgresEngine;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.ServiceProcess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Services started as their own processes against the shared test engines, for the journeys that
 * wire a part of the shop by hand; closing stops them, the last started first. The environments
 * connect a service to a database of its own and to S3, on top of the settings all of them share.
 */
public final class StartedServices implements AutoCloseable {

    private final List<ServiceProcess> started = new ArrayList<>();

    public ServiceProcess start(String name, Map<String, String> environment) {
        ServiceProcess service = ServiceProcess.start(name, environment);
        started.add(service);
        return service;
    }

    @Override
    public void close() {
        started.reversed().forEach(ServiceProcess::close);
        started.clear();
    }

    /** The shared settings and a new PostgreSQL database of this name. */
    public static Map<String, String> withPostgres(Map<String, String> shared, String database) {
        PostgresEngine postgres = PostgresEngine.get();
        return withDataSource(shared, postgres.jdbcUrl(postgres.createDatabase(database)), postgres.username(), postgres.password());
    }

    /** The shared settings and a new MariaDB database of this name. */
    public static Map<String, String> withMariaDb(Map<String, String> shared, String database) {
        MariaDbEngine mariaDb = MariaDbEngine.get();
        return withDataSource(shared, mariaDb.jdbcUrl(mariaDb.createDatabase(database)), mariaDb.username(), mariaDb.password());
    }

    /** The connection to the shared S3 engine ({@code eshop.s3.*}); each service adds its bucket. */
    public static Map<String, String> s3() {
        return Map.of(
                "ESHOP_S3_ENDPOINT", S3Engine.get().endpoint(),
                "ESHOP_S3_REGION", S3Engine.REGION,
                "ESHOP_S3_PATH_STYLE_ACCESS", "true",
                "ESHOP_S3_ACCESS_KEY", S3Engine.ACCESS_KEY,
                "ESHOP_S3_SECRET_KEY", S3Engine.SECRET_KEY);
    }

    private static Map<String, String> withDataSource(Map<String, String> shared, String url, String username, String password) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("SPRING_DATASOURCE_URL", url);
        environment.put("SPRING_DATASOURCE_USERNAME", username);
        environment.put("SPRING_DATASOURCE_PASSWORD", password);
        return environment;
    }
}
