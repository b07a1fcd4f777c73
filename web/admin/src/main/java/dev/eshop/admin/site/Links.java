package dev.eshop.admin.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Links with a query string, each name and value encoded as a form sends them. */
public final class Links {

    private Links() {
    }

    /** {@code /orders?status=PAID&status=ON_DELIVERY}: the path with each value of each parameter, in order. */
    public static String to(String path, Map<String, List<String>> params) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                url.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }
}
