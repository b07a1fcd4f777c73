package dev.eshop.auth.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import java.util.Arrays;

/**
 * Where a browser goes when an authorization request needs a signed-in user: the sign-in page, or
 * the sign-up page for {@code prompt=create} (the storefront's "Sign up"). The request itself is
 * saved and resumed after either.
 */
class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

    SignInEntryPoint() {
        super("/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                     AuthenticationException exception) {
        String prompt = request.getParameter("prompt");
        if (prompt != null && Arrays.asList(prompt.split(" ")).contains("create")) {
            return "/register";
        }
        return super.determineUrlToUseForThisRequest(request, response, exception);
    }
}
