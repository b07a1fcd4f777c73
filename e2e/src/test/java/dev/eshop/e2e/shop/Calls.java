package dev.eshop.e2e.shop;

import dev.eshop.platform.testing.ServiceProcess;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The JSON calls the journeys make to a service, as a user with a bearer token. */
public final class Calls {

    private Calls() {
    }

    public static RestClient client(ServiceProcess service, String token) {
        return RestClient.builder().baseUrl(service.baseUrl()).defaultHeader("Authorization", "Bearer " + token).build();
    }

    public static JsonNode post(RestClient client, String path, Object body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
    }

    public static JsonNode get(RestClient client, String path) {
        return client.get().uri(path).retrieve().body(JsonNode.class);
    }

    /** The status of a request, whatever it is. */
    public static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }
}
