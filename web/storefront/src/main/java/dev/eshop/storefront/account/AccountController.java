package dev.eshop.storefront.account;

import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.platform.webapp.security.SignInController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * The account page (spec/ui.md §1.10): the name (editable), the e-mail, a link to auth's "change
 * password" page; and {@code /signup}, which starts signing in on auth's registration page.
 */
@Controller
class AccountController {

    static final int MAX_NAME = 100;

    private final Accounts accounts;
    private final SignInController signIn;
    private final String changePasswordUrl;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(Accounts accounts, SignInController signIn, WebAppProperties properties) {
        this.accounts = accounts;
        this.signIn = signIn;
        WebAppProperties.Service auth = properties.services().get("auth");
        this.changePasswordUrl = (auth == null ? "" : auth.baseUrl().replaceAll("/+$", "")) + "/account/password";
    }

    @GetMapping("/account")
    String account(Model model) {
        Accounts.Account account = accounts.mine();
        show(account, account.name(), FormErrors.none(), model);
        return "account";
    }

    @PostMapping("/account")
    Object rename(@RequestParam(defaultValue = "") String name, Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (name.isBlank()) {
            errors.field("name", "Enter your name.");
        }
        else if (name.strip().length() > MAX_NAME) {
            errors.field("name", "Your name can be at most " + MAX_NAME + " characters.");
        }
        else {
            try {
                Accounts.Account account = accounts.rename(name.strip());
                rememberName(account.name(), request, response);
                redirect.addFlashAttribute("message", "Your name has been saved.");
                return "redirect:/account";
            }
            catch (ServiceProblem refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                FormErrors fromAuth = FormErrors.of(refused, Map.of("name", "name"), Map.of("name", "Name"));
                fromAuth.fields().forEach(errors::field);
                fromAuth.general().forEach(errors::general);
            }
        }
        show(accounts.mine(), name, errors, model);
        return new ModelAndView("account", status);
    }

    @GetMapping("/signup")
    ModelAndView signUp(@RequestParam(name = "return", defaultValue = "/") String returnTo, HttpServletRequest request) {
        return signIn.start(request, returnTo, true);
    }

    private void show(Accounts.Account account, String name, FormErrors errors, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        model.addAttribute("changePasswordUrl", changePasswordUrl);
    }

    /** The header shows the name from the sign-in; after a change it shows the new one without signing in again. */
    private void rememberName(String name, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!(current instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser user)) {
            return;
        }
        // The name is read from the ID token's claims (they win over user info): the copy kept in the session gets the new one;
        // the token's value stays as auth signed it, for the logout hint.
        OidcIdToken idToken = user.getIdToken();
        Map<String, Object> claims = new HashMap<>(idToken.getClaims());
        claims.put("name", name);
        OidcIdToken renamedToken = new OidcIdToken(idToken.getTokenValue(), idToken.getIssuedAt(), idToken.getExpiresAt(), claims);
        OidcUser renamed = new DefaultOidcUser(user.getAuthorities(), renamedToken, user.getUserInfo());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OAuth2AuthenticationToken(renamed, token.getAuthorities(), token.getAuthorizedClientRegistrationId()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
