package dev.eshop.storefront.site;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.FragmentsRendering;

import java.util.HashMap;
import java.util.Map;

/**
 * The answer to an htmx request that changed something: the changed fragment, and out of band the
 * message region and the cart badge (spec/ui.md §0.1). The fragment sees the controller's model.
 */
public final class Updates {

    private Updates() {
    }

    /** The fragment, a success message and the cart badge. */
    public static FragmentsRendering of(String fragment, String message) {
        return of(fragment, message, null, null, null, HttpStatus.OK);
    }

    /** The fragment, a success message with a link ("View cart") and the cart badge. */
    public static FragmentsRendering of(String fragment, String message, String link, String linkText) {
        return of(fragment, message, null, link, linkText, HttpStatus.OK);
    }

    /** The fragment, a problem in the message region, and the cart badge. */
    public static FragmentsRendering alert(String fragment, String alert) {
        return of(fragment, null, alert, null, null, HttpStatus.OK);
    }

    /** The fragment with a problem shown in it (with its status, so htmx knows), the old message cleared. */
    public static FragmentsRendering failed(String fragment, HttpStatus status) {
        return of(fragment, null, null, null, null, status);
    }

    private static FragmentsRendering of(String fragment, String message, String alert, String link, String linkText,
                                         HttpStatus status) {
        Map<String, Object> messages = new HashMap<>();
        messages.put("oob", true);
        messages.put("message", message);
        messages.put("alert", alert);
        messages.put("messageLink", link);
        messages.put("messageLinkText", linkText);
        return FragmentsRendering.fragment(fragment)
                .fragment("layout :: messages", messages)
                .fragment("layout :: cart-badge", Map.of("oob", true))
                .status(status)
                .build();
    }
}
