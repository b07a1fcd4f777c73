package dev.eshop.platform.webapp.security;

import dev.eshop.platform.webapp.page.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /login} starts signing in at auth and remembers the page to come back to; the page for a
 * failed sign-in; the 403 page the security filters forward to.
 */
@Controller
public class SignInController {

    private final ClientRegistrationRepository registrations;
    private final ErrorPages errorPages;

    SignInController(ClientRegistrationRepository registrations, ErrorPages errorPages) {
        this.registrations = registrations;
        this.errorPages = errorPages;
    }

    @GetMapping("/login")
    ModelAndView login(@RequestParam(name = "return", defaultValue = "/") String returnTo, HttpServletRequest request) {
        return start(request, returnTo, false);
    }

    /**
     * Starts the authorization-code flow at auth (for {@code signUp}, on its registration page) and
     * comes back to {@code returnTo}; the 503 page while auth cannot be reached.
     */
    public ModelAndView start(HttpServletRequest request, String returnTo, boolean signUp) {
        if (SignedInUser.current().isPresent()) {
            return new ModelAndView("redirect:" + SignIn.localPath(returnTo));
        }
        if (registrations.findByRegistrationId(WebAppSecurity.REGISTRATION) == null) {
            return errorPages.page(request, HttpStatus.SERVICE_UNAVAILABLE, ErrorPages.NOT_RESPONDING, null);
        }
        SignIn.rememberReturn(request, returnTo);
        return new ModelAndView("redirect:" + SignIn.AUTHORIZATION_PATH + (signUp ? "?prompt=create" : ""));
    }

    @GetMapping("/login-failed")
    ModelAndView failed(HttpServletRequest request) {
        return errorPages.page(request, HttpStatus.UNAUTHORIZED, "Signing in did not work. Please try again.", null);
    }

    /** Where the security filters send a request they refuse (wrong role, missing CSRF token). */
    @RequestMapping("/forbidden")
    ModelAndView forbidden(HttpServletRequest request) {
        return errorPages.page(request, HttpStatus.FORBIDDEN, ErrorPages.FORBIDDEN, null);
    }
}
