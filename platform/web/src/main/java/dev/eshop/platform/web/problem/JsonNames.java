package dev.eshop.platform.web.problem;

import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Java property paths from validation ({@code address.zipCode}, {@code lines[1].unitPrice})
 * into the JSON paths clients see ({@code address.zip_code}, {@code lines[1].unit_price}), with
 * the naming strategy of the service's JSON mapper. Names set with {@code @JsonProperty} are not
 * looked up: keep such names consistent with the strategy.
 */
class JsonNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final SerializationConfig config;
    private final PropertyNamingStrategy strategy;

    JsonNames(JsonMapper jsonMapper) {
        this.config = jsonMapper.serializationConfig();
        this.strategy = config.getPropertyNamingStrategy();
    }

    String name(String javaName) {
        if (strategy == null || javaName == null || javaName.isEmpty()) {
            return javaName;
        }
        try {
            return strategy.nameForField(config, null, javaName);
        }
        catch (RuntimeException e) {
            return javaName; // a strategy that needs the annotated member
        }
    }

    /** Translates each name of a dotted path, keeping indexes and keys in brackets as they are. */
    String path(String javaPath) {
        if (javaPath == null || javaPath.isEmpty()) {
            return javaPath;
        }
        StringBuilder json = new StringBuilder();
        int bracketDepth = 0;
        int i = 0;
        while (i < javaPath.length()) {
            char c = javaPath.charAt(i);
            if (c == '[') {
                bracketDepth++;
            }
            else if (c == ']') {
                bracketDepth--;
            }
            if (bracketDepth == 0 && c != ']') {
                Matcher name = NAME.matcher(javaPath).region(i, javaPath.length());
                if (name.lookingAt()) {
                    json.append(name(name.group()));
                    i = name.end();
                    continue;
                }
            }
            json.append(c);
            i++;
        }
        return json.toString();
    }
}
