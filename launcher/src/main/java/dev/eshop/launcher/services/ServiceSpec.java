package dev.eshop.launcher.services;

import java.nio.file.Path;
import java.util.Map;

/**
 * One service to run: its jar (the one production runs), its port and the environment variables that
 * connect it to the engines and to the other services.
 *
 * @param name        the service's name ({@code product})
 * @param jar         its executable jar
 * @param port        the port it listens on (127.0.0.1 only)
 * @param environment the variables passed to its JVM
 * @param web         a web app (storefront, admin) rather than an API service
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> environment, boolean web) {

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
