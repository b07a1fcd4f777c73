package dev.eshop.admin.site;

import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.client.SignInRequiredException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Passes a service's file (a proof of payment, a report download) on to the browser as it arrives,
 * with the admin's token on the call and nothing kept here: its content type and length, and the
 * headers given. A refusal is thrown as the service's problem before anything is written, so the page
 * can still say what went wrong.
 */
public final class Relay {

    private Relay() {
    }

    /**
     * @param copied  headers of the service's answer passed on as they are (e.g. {@code Content-Disposition})
     * @param set     headers this app sets itself
     */
    public static RestClient.RequestHeadersSpec.ExchangeFunction<Void> to(HttpServletResponse response, String service, JsonMapper json,
                                                                          Iterable<String> copied, Map<String, String> set) {
        return (request, answer) -> {
            int status = answer.getStatusCode().value();
            if (status == 401) {
                throw new SignInRequiredException(service + " refused the user's token", null);
            }
            if (answer.getStatusCode().isError()) {
                throw ServiceProblem.read(service, status, answer.getBody().readAllBytes(), json);
            }
            MediaType type = answer.getHeaders().getContentType();
            response.setContentType(type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString());
            for (String header : copied) {
                String value = answer.getHeaders().getFirst(header);
                if (value != null) {
                    response.setHeader(header, value);
                }
            }
            set.forEach(response::setHeader);
            if (answer.getHeaders().getContentLength() >= 0) {
                response.setContentLengthLong(answer.getHeaders().getContentLength());
            }
            answer.getBody().transferTo(response.getOutputStream());
            return null;
        };
    }
}
