package dev.eshop.launcher.services;

import dev.eshop.launcher.LaunchException;
import dev.eshop.launcher.Settings;
import dev.eshop.launcher.engines.MariaDbEngine;
import dev.eshop.launcher.engines.PostgresEngine;
import dev.eshop.launcher.engines.S3Engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Every service of the shop and the environment variables that wire it to the engines and to the
 * other services: the same settings a deployment gives it (spec services.md §0.9 and each service's
 * settings). The README's "run one service alone" table is this class in prose.
 */
public final class ServiceCatalog {

    /** The API services, in the order they are listed. */
    public static final List<String> SERVICES = List.of("auth", "product", "cart", "order", "payment", "warehouse",
            "sales-report", "shipping-cost");
    public static final List<String> WEB_APPS = List.of("storefront", "admin");

    /** PostgreSQL database of each service that has one. */
    public static final Map<String, String> POSTGRES_DATABASES = Map.of("auth", "auth", "product", "product",
            "order", "orders", "warehouse", "warehouse", "sales-report", "sales_report");
    /** MySQL (MariaDB) database of each service that has one. */
    public static final Map<String, String> MYSQL_DATABASES = Map.of("cart", "cart", "payment", "payment");

    public static final String PRODUCT_BUCKET = "eshop-product-images";
    public static final String PAYMENT_BUCKET = "eshop-payment-proofs";
    public static final List<String> BUCKETS = List.of(PRODUCT_BUCKET, PAYMENT_BUCKET);

    /** Client secrets and the key encrypting auth's signing keys, generated per data directory. */
    public static final List<String> SECRET_NAMES = List.of("storefront-client-secret", "admin-client-secret",
            "cart-service-client-secret", "order-service-client-secret", "auth-signing-key-encryption-secret");

    public static final String ADMIN_EMAIL = "admin@eshop.test";
    public static final String ADMIN_NAME = "Ada Admin";
    public static final String ADMIN_PASSWORD = "admin-password-2026";
    public static final String CUSTOMER_EMAIL = "customer@eshop.test";
    public static final String CUSTOMER_NAME = "Carl Customer";
    public static final String CUSTOMER_PASSWORD = "customer-password-2026";

    /** The engines each service needs before it can start (its database first of all). */
    public static List<String> enginesOf(String service) {
        return switch (service) {
            case "auth" -> List.of("postgres");
            case "product" -> List.of("postgres", "kafka", "s3");
            case "cart" -> List.of("mariadb", "redis", "kafka");
            case "payment" -> List.of("mariadb", "kafka", "s3");
            case "order", "warehouse", "sales-report" -> List.of("postgres", "kafka");
            case "storefront", "admin" -> List.of("redis");
            default -> List.of();
        };
    }

    private final Settings settings;
    private final ServiceJars jars;
    private final Properties secrets;

    public ServiceCatalog(Settings settings, ServiceJars jars, Properties secrets) {
        this.settings = settings;
        this.jars = jars;
        this.secrets = secrets;
    }

    /** Every service and web app, once their jars are found; a missing jar is a one-line error. */
    public static List<String> available(ServiceJars jars) {
        List<String> names = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : SERVICES) {
            (jars.service(name).isPresent() ? names : missing).add("services/" + name);
        }
        for (String name : WEB_APPS) {
            (jars.webApp(name).isPresent() ? names : missing).add("web/" + name);
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("No jar of " + String.join(", ", missing) + " under " + jars.projectDirectory()
                    + ": build them with ./mvnw -q -DskipTests package (bin/eshop does it for you).");
        }
        return names.stream().map(name -> name.substring(name.indexOf('/') + 1)).toList();
    }

    public String issuer() {
        return url("auth");
    }

    public String url(String name) {
        return "http://127.0.0.1:" + settings.port(name);
    }

    public String secret(String name) {
        return secrets.getProperty(name);
    }

    /** The specs of the given services, wired to these engines. */
    public List<ServiceSpec> specs(List<String> names, PostgresEngine postgres, MariaDbEngine mariaDb, String kafka,
                                   S3Engine s3) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (String name : names) {
            Map<String, String> env = new LinkedHashMap<>();
            boolean web = WEB_APPS.contains(name);
            if (!web) {
                env.put("ESHOP_SECURITY_ISSUER_URI", issuer());
                if (!name.equals("shipping-cost")) {
                    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
                }
            }
            if (POSTGRES_DATABASES.containsKey(name) || MYSQL_DATABASES.containsKey(name)) {
                // Small pools: one machine runs every service and both databases; a local shop needs few connections.
                env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5");
                env.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
            }
            Optional.ofNullable(POSTGRES_DATABASES.get(name)).ifPresent(database -> {
                env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(database));
                env.put("SPRING_DATASOURCE_USERNAME", PostgresEngine.USER);
                env.put("SPRING_DATASOURCE_PASSWORD", PostgresEngine.PASSWORD);
            });
            Optional.ofNullable(MYSQL_DATABASES.get(name)).ifPresent(database -> {
                env.put("SPRING_DATASOURCE_URL", mariaDb.jdbcUrl(database));
                env.put("SPRING_DATASOURCE_USERNAME", MariaDbEngine.USER);
                env.put("SPRING_DATASOURCE_PASSWORD", MariaDbEngine.PASSWORD);
            });
            switch (name) {
                case "auth" -> auth(env);
                case "product" -> {
                    s3(env, s3);
                    env.put("ESHOP_PRODUCT_IMAGES_BUCKET", PRODUCT_BUCKET);
                    env.put("ESHOP_PRODUCT_IMAGES_PUBLICBASEURL", url("product") + "/v1/images");
                }
                case "cart" -> {
                    redis(env);
                    env.put("ESHOP_CLIENTS_ORDER_BASEURL", url("order"));
                    // Locally a first checkout can take a while on two busy cores; the default 5 s is for production.
                    env.put("ESHOP_CLIENTS_ORDER_READTIMEOUT", "30s");
                    env.put("ESHOP_CLIENTS_OAUTH_CLIENTID", "cart-service");
                    env.put("ESHOP_CLIENTS_OAUTH_CLIENTSECRET", secret("cart-service-client-secret"));
                }
                case "order" -> {
                    env.put("ESHOP_CLIENTS_PRODUCT_BASEURL", url("product"));
                    env.put("ESHOP_CLIENTS_WAREHOUSE_BASEURL", url("warehouse"));
                    env.put("ESHOP_CLIENTS_SHIPPINGCOST_BASEURL", url("shipping-cost"));
                    env.put("ESHOP_CLIENTS_PRODUCT_READTIMEOUT", "20s");
                    env.put("ESHOP_CLIENTS_WAREHOUSE_READTIMEOUT", "20s");
                    env.put("ESHOP_CLIENTS_SHIPPINGCOST_READTIMEOUT", "20s");
                    env.put("ESHOP_CLIENTS_OAUTH_CLIENTID", "order-service");
                    env.put("ESHOP_CLIENTS_OAUTH_CLIENTSECRET", secret("order-service-client-secret"));
                }
                case "payment" -> {
                    s3(env, s3);
                    env.put("ESHOP_PAYMENT_PROOFS_BUCKET", PAYMENT_BUCKET);
                }
                case "storefront", "admin" -> webApp(name, env);
                default -> {
                    // warehouse, sales-report, shipping-cost: the common settings are all they need
                }
            }
            Path jar = web ? jars.webApp(name).orElseThrow() : jars.service(name).orElseThrow();
            specs.add(new ServiceSpec(name, jar, settings.port(name), env, web));
        }
        return specs;
    }

    private void auth(Map<String, String> env) {
        env.put("ESHOP_AUTH_ISSUER", issuer());
        env.put("ESHOP_AUTH_SIGNING_KEY_ENCRYPTION_SECRET", secret("auth-signing-key-encryption-secret"));
        env.put("ESHOP_AUTH_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ESHOP_AUTH_BOOTSTRAP_ADMIN_NAME", ADMIN_NAME);
        env.put("ESHOP_AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Client names contain dashes, which environment variable names cannot carry.
        env.put("SPRING_APPLICATION_JSON", """
                {"eshop":{"auth":{"clients":{\
                "storefront":{"secret":"%s","base-url":"%s"},\
                "admin":{"secret":"%s","base-url":"%s"},\
                "cart-service":{"secret":"%s"},\
                "order-service":{"secret":"%s"}}}}}"""
                .formatted(secret("storefront-client-secret"), url("storefront"), secret("admin-client-secret"),
                        url("admin"), secret("cart-service-client-secret"), secret("order-service-client-secret")));
    }

    private static void s3(Map<String, String> env, S3Engine s3) {
        env.put("ESHOP_S3_ENDPOINT", s3.endpoint());
        env.put("ESHOP_S3_REGION", S3Engine.REGION);
        env.put("ESHOP_S3_PATH_STYLE_ACCESS", "true");
        env.put("ESHOP_S3_ACCESS_KEY", S3Engine.ACCESS_KEY);
        env.put("ESHOP_S3_SECRET_KEY", S3Engine.SECRET_KEY);
    }

    private void redis(Map<String, String> env) {
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(settings.port("redis")));
    }

    /** The web apps (spec ui.md §0.6): sessions in Redis, sign-in at auth, the services they show. */
    private void webApp(String name, Map<String, String> env) {
        redis(env);
        env.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ESHOP_CLIENTID", name);
        env.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ESHOP_CLIENTSECRET", secret(name + "-client-secret"));
        env.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_ESHOP_ISSUERURI", issuer());
        env.put("ESHOP_WEB_IMAGEORIGIN", url("product"));
        List<String> shown = name.equals("storefront")
                ? List.of("product", "cart", "order", "payment", "auth")
                : List.of("product", "order", "payment", "warehouse", "sales-report", "auth");
        StringBuilder services = new StringBuilder();
        for (String service : shown) {
            services.append(services.isEmpty() ? "" : ",").append('"').append(service).append("\":{\"base-url\":\"")
                    .append(url(service)).append("\"}");
        }
        env.put("SPRING_APPLICATION_JSON", "{\"eshop\":{\"web\":{\"services\":{" + services + "}}}}");
    }
}
