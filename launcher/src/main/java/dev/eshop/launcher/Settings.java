package dev.eshop.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the launcher was asked to do: from command-line flags first, then environment variables
 * ({@code --auth-port=9100} or {@code ESHOP_AUTH_PORT=9100}), then defaults.
 *
 * @param dataDirectory   where every engine keeps its data ({@code ./data})
 * @param projectDirectory the checkout holding {@code services/<name>/target/*.jar}
 * @param reset           wipe the data directory first
 * @param demo            load the demo data into a new data directory
 * @param quiet           forward only warnings and errors from the services
 * @param classCache      {@code cds} (default) or {@code none}: how service start-up is cached
 * @param serviceJvmOptions options of every service JVM
 * @param ports           every port, by setting name ({@code auth}, {@code postgres}, …)
 */
public record Settings(Path dataDirectory, Path projectDirectory, boolean reset, boolean demo, boolean quiet,
                       String classCache, List<String> serviceJvmOptions, Map<String, Integer> ports) {

    /** Small, quick-starting JVMs: one compiler tier, the serial collector, small stacks and heap. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms16m", "-Xmx192m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-XX:MaxDirectMemorySize=64m");

    /** Default ports. The services keep the ports of the design; the engines get uncommon ones so a local database does not collide. */
    public static final Map<String, Integer> DEFAULT_PORTS;

    static {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("storefront", 8080);
        ports.put("admin", 8081);
        ports.put("auth", 9000);
        ports.put("product", 8101);
        ports.put("cart", 8102);
        ports.put("order", 8103);
        ports.put("payment", 8104);
        ports.put("warehouse", 8105);
        ports.put("sales-report", 8106);
        ports.put("shipping-cost", 8107);
        ports.put("postgres", 15432);
        ports.put("mariadb", 13306);
        ports.put("redis", 16379);
        ports.put("kafka", 19092);
        ports.put("kafka-controller", 19093);
        ports.put("s3", 19000);
        DEFAULT_PORTS = Collections.unmodifiableMap(ports);
    }

    public static final String USAGE = """
            Usage: bin/eshop [options]

              --reset                  wipe the data directory (./data) and start afresh, with demo data
              --data-dir=PATH          keep the data somewhere else (ESHOP_DATA_DIR)
              --no-demo                do not load demo data into a new data directory (ESHOP_DEMO=false)
              --quiet                  forward only warnings and errors from the services (ESHOP_QUIET=true)
              --class-cache=MODE       cds (default) or none: how service start-up is cached under data/aot (ESHOP_CLASS_CACHE)
              --service-jvm-options=.. options of every service JVM, space separated (ESHOP_SERVICE_JVM_OPTIONS)
              --<name>-port=N          a port (ESHOP_<NAME>_PORT); names and defaults:
            %s
              --help                   this text
            """;

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port setting " + name);
        }
        return port;
    }

    /** The flag and the environment variable that set a port, for messages. */
    public static String portSetting(String name) {
        return "--" + name + "-port=N (or " + environmentName(name + "-port") + ")";
    }

    public static String usage() {
        StringBuilder ports = new StringBuilder();
        DEFAULT_PORTS.forEach((name, port) -> ports.append("                           ").append(name).append(' ').append(port).append('\n'));
        return USAGE.formatted(ports.toString().stripTrailing());
    }

    public static Settings parse(String[] args, Map<String, String> environment, Path workingDirectory, Path projectDirectory) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new LaunchException("Unknown argument '" + arg + "'. Run bin/eshop --help for the options.", 2);
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value = equals < 0 ? "true" : arg.substring(equals + 1);
            flags.put(name, value);
        }
        if (flags.containsKey("help")) {
            throw new HelpRequested();
        }
        List<String> known = new ArrayList<>(List.of("reset", "data-dir", "no-demo", "quiet", "class-cache",
                "service-jvm-options", "project-dir"));
        DEFAULT_PORTS.keySet().forEach(name -> known.add(name + "-port"));
        for (String flag : flags.keySet()) {
            if (!known.contains(flag)) {
                throw new LaunchException("Unknown option --" + flag + ". Run bin/eshop --help for the options.", 2);
            }
        }
        Lookup lookup = new Lookup(flags, environment);

        Path data = workingDirectory.resolve(lookup.get("data-dir", "data")).toAbsolutePath().normalize();
        Path project = lookup.has("project-dir")
                ? workingDirectory.resolve(lookup.get("project-dir", ".")).toAbsolutePath().normalize()
                : projectDirectory;
        boolean reset = lookup.flag("reset", false);
        boolean demo = !lookup.flag("no-demo", false) && lookup.flag("demo", true);
        boolean quiet = lookup.flag("quiet", false);
        String classCache = lookup.get("class-cache", "cds").toLowerCase(Locale.ROOT);
        if (!List.of("cds", "none").contains(classCache)) {
            throw new LaunchException("--class-cache must be cds or none, not '" + classCache + "'.", 2);
        }
        List<String> jvmOptions = lookup.has("service-jvm-options")
                ? Arrays.stream(lookup.get("service-jvm-options", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()
                : DEFAULT_SERVICE_JVM_OPTIONS;

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (var entry : DEFAULT_PORTS.entrySet()) {
            String setting = entry.getKey() + "-port";
            String raw = lookup.get(setting, Integer.toString(entry.getValue()));
            int port;
            try {
                port = Integer.parseInt(raw.trim());
            }
            catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new LaunchException("The " + entry.getKey() + " port must be a number from 1 to 65535, not '" + raw
                        + "' (" + portSetting(entry.getKey()) + ").", 2);
            }
            ports.put(entry.getKey(), port);
        }
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (var entry : ports.entrySet()) {
            String other = seen.putIfAbsent(entry.getValue(), entry.getKey());
            if (other != null) {
                throw new LaunchException("Port " + entry.getValue() + " is set for both " + other + " and " + entry.getKey()
                        + "; give one of them another with " + portSetting(entry.getKey()) + ".", 2);
            }
        }
        return new Settings(data, project, reset, demo, quiet, classCache, jvmOptions, Collections.unmodifiableMap(ports));
    }

    static String environmentName(String setting) {
        return "ESHOP_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Asked for --help: print the usage and exit 0. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    private record Lookup(Map<String, String> flags, Map<String, String> environment) {

        boolean has(String setting) {
            return flags.containsKey(setting) || environment.containsKey(environmentName(setting));
        }

        String get(String setting, String fallback) {
            if (flags.containsKey(setting)) {
                return flags.get(setting);
            }
            return environment.getOrDefault(environmentName(setting), fallback);
        }

        boolean flag(String setting, boolean fallback) {
            String value = get(setting, Boolean.toString(fallback)).trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true", "yes", "1", "on", "" -> true;
                case "false", "no", "0", "off" -> false;
                default -> throw new LaunchException("--" + setting + " is true or false, not '" + value + "'.", 2);
            };
        }
    }
}
