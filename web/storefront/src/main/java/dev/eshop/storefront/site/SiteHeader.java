package dev.eshop.storefront.site;

import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.client.SignInRequiredException;
import dev.eshop.platform.webapp.security.SignedInUser;
import dev.eshop.storefront.cart.Carts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * The header of every page (spec/ui.md §1.1), reached from the layout as {@code @site.header()} so
 * error pages get it too. The cart badge is read from cart once per page, unless the request
 * already changed the cart and knows the count ({@link #rememberCartCount}); when cart does not
 * answer the page still renders, with a plain "Cart".
 */
@Component("site")
public class SiteHeader {

    private static final Logger log = LoggerFactory.getLogger(SiteHeader.class);
    private static final String HEADER = SiteHeader.class.getName() + ".header";
    private static final String CART_COUNT = SiteHeader.class.getName() + ".cartCount";

    private final Carts carts;

    SiteHeader(Carts carts) {
        this.carts = carts;
    }

    /** Tells the header the cart's units after this request changed them. */
    public static void rememberCartCount(HttpServletRequest request, int count) {
        request.setAttribute(CART_COUNT, count);
        request.removeAttribute(HEADER);
    }

    public Header header() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)) {
            return new Header(SignedInUser.current().orElse(null), null, "/");
        }
        HttpServletRequest request = current.getRequest();
        if (request.getAttribute(HEADER) instanceof Header known) {
            return known;
        }
        Optional<SignedInUser> user = SignedInUser.current();
        Integer count = user.filter(SignedInUser::customer).map(customer -> cartCount(request)).orElse(null);
        Header header = new Header(user.orElse(null), count, returnPath(request));
        request.setAttribute(HEADER, header);
        return header;
    }

    private Integer cartCount(HttpServletRequest request) {
        if (request.getAttribute(CART_COUNT) instanceof Integer count) {
            return count;
        }
        try {
            int count = carts.mine().totalQuantity();
            request.setAttribute(CART_COUNT, count);
            return count;
        }
        catch (ServiceProblem | SignInRequiredException ex) {
            // The page renders without the count; the next page asks again.
            log.debug("No cart badge: {}", ex.getMessage());
            return null;
        }
    }

    /** The page itself for "Log in" to return to (the requested one on an error page); home for anything but a GET. */
    private static String returnPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        String query = failed == null ? request.getQueryString() : null;
        return query == null ? path : path + "?" + query;
    }
}
