package dev.eshop.auth.login;

import dev.eshop.auth.AuthSettings;
import dev.eshop.auth.user.Emails;
import dev.eshop.auth.user.UserRequests.Registration;
import dev.eshop.auth.user.UserService;
import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in and sign-up pages (spec/ui.md §1.11). Signing in is posted to Spring Security's form
 * login ({@code POST /login}); signing up creates a customer, signs them in and resumes the
 * authorization request that brought them here (or goes to the storefront).
 */
@Controller
@Hidden
class SignInPages {

    static final String LOGIN_FAILED = "E-mail or password is incorrect.";

    private static final String ADMIN_CLIENT = "admin";

    private final UserService users;
    private final AuthSettings settings;
    private final Validator validator;
    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final SavedRequestAwareAuthenticationSuccessHandler signedIn;
    private final RequestCache requestCache;
    private final ChangeSessionIdAuthenticationStrategy newSessionId = new ChangeSessionIdAuthenticationStrategy();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInPages(UserService users, AuthSettings settings, Validator validator, PasswordLogin passwordLogin,
                SecurityContextRepository contexts, SavedRequestAwareAuthenticationSuccessHandler signedIn,
                RequestCache requestCache) {
        this.users = users;
        this.settings = settings;
        this.validator = validator;
        this.authentication = new ProviderManager(passwordLogin);
        this.contexts = contexts;
        this.signedIn = signedIn;
        this.requestCache = requestCache;
    }

    @ModelAttribute("shopUrl")
    String shopUrl() {
        return settings.clients().storefront().baseUrl() + "/";
    }

    @ModelAttribute("lockoutHint")
    String lockoutHint() {
        return LockoutHint.of(settings.login());
    }

    /** Nothing to show at the root: people who land here want the shop. */
    @GetMapping("/")
    String root() {
        return "redirect:" + shopUrl();
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
        if (error != null) {
            model.addAttribute("error", LOGIN_FAILED);
            model.addAttribute("email", session.getAttribute(PageSecurity.LAST_EMAIL));
        }
        session.removeAttribute(PageSecurity.LAST_EMAIL);
        model.addAttribute("loggedOut", logout != null);
        // Signing in to the admin app: sign-up makes customers only, so it is not offered there.
        boolean adminApp = pendingClient(request, response).filter(ADMIN_CLIENT::equals).isPresent();
        model.addAttribute("signUp", !adminApp);
        model.addAttribute("backUrl", adminApp ? settings.clients().admin().baseUrl() + "/" : shopUrl());
        model.addAttribute("backText", adminApp ? "Back to the admin app" : "Back to the shop");
        return "login";
    }

    /** The client of the authorization request waiting for this sign-in, if any. */
    private Optional<String> pendingClient(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        String[] clientIds = saved == null ? null : saved.getParameterValues("client_id");
        return clientIds == null || clientIds.length == 0 ? Optional.empty() : Optional.of(clientIds[0]);
    }

    @GetMapping("/register")
    ModelAndView registerForm() {
        return registerPage(new RegisterForm("", ""), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/register")
    ModelAndView register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                          @RequestParam(defaultValue = "") String password,
                          @RequestParam(name = "confirm_password", defaultValue = "") String confirmPassword,
                          HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        RegisterForm form = new RegisterForm(name.strip(), Emails.normalize(email));
        Map<String, String> errors = check(form, password, confirmPassword);
        if (errors.isEmpty()) {
            try {
                users.register(new Registration(form.email(), form.name(), password));
            }
            catch (DuplicateException e) {
                errors.put("email", UserService.DUPLICATE_EMAIL);
            }
            catch (InvalidFieldsException e) {
                errors.put("password", "Use a password that is not your e-mail address.");
            }
        }
        if (!errors.isEmpty()) {
            HttpStatus status = UserService.DUPLICATE_EMAIL.equals(errors.get("email")) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            return registerPage(form, errors, status);
        }
        signIn(form.email(), password, request, response);
        return null;
    }

    /** The field messages of the sign-up form, in the order of the fields. */
    private Map<String, String> check(RegisterForm form, String password, String confirmPassword) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name().isEmpty()) {
            errors.put("name", "Enter your name.");
        }
        else if (form.name().length() > 100) {
            errors.put("name", "Use at most 100 characters.");
        }
        if (form.email().isEmpty()) {
            errors.put("email", "Enter your e-mail address.");
        }
        else if (!validator.validateValue(Registration.class, "email", form.email()).isEmpty()) {
            errors.put("email", "Enter an e-mail address like name@example.com.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < settings.password().minLength()) {
            errors.put("password", "Use at least " + settings.password().minLength() + " characters.");
        }
        else if (length > AuthSettings.MAX_PASSWORD_LENGTH) {
            errors.put("password", "Use at most " + AuthSettings.MAX_PASSWORD_LENGTH + " characters.");
        }
        else if (password.equalsIgnoreCase(form.email())) {
            errors.put("password", "Use a password that is not your e-mail address.");
        }
        if (!password.equals(confirmPassword)) {
            errors.put("confirm_password", "Passwords do not match.");
        }
        return errors;
    }

    /** Signs the new customer in as the login form would, then continues where sign-in would. */
    private void signIn(String email, String password, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        Authentication signedInUser = authentication.authenticate(attempt);
        newSessionId.onAuthentication(signedInUser, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedInUser);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        signedIn.onAuthenticationSuccess(request, response, signedInUser);
    }

    private ModelAndView registerPage(RegisterForm form, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("register", status);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("minLength", settings.password().minLength());
        return page;
    }

    /** What the sign-up form shows again after an error (the passwords are typed again). */
    record RegisterForm(String name, String email) {
    }
}
