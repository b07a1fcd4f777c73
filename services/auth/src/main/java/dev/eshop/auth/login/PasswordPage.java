package dev.eshop.auth.login;

import dev.eshop.auth.AuthSettings;
import dev.eshop.auth.user.UserRequests.PasswordChange;
import dev.eshop.auth.user.UserService;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.RuleViolatedException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Change password (spec/ui.md §1.11), for the signed-in user; the storefront's account page links here. */
@Controller
@Hidden
class PasswordPage {

    private final UserService users;
    private final AuthSettings settings;

    PasswordPage(UserService users, AuthSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @ModelAttribute("shopUrl")
    String shopUrl() {
        return settings.clients().storefront().baseUrl() + "/";
    }

    @ModelAttribute("accountUrl")
    String accountUrl() {
        return settings.clients().storefront().baseUrl() + "/account";
    }

    @GetMapping("/account/password")
    ModelAndView form(@RequestParam(required = false) String changed) {
        ModelAndView page = page(Map.of(), HttpStatus.OK);
        page.addObject("changed", changed != null);
        return page;
    }

    @PostMapping("/account/password")
    ModelAndView change(@AuthenticationPrincipal UserDetails user,
                        @RequestParam(name = "current_password", defaultValue = "") String currentPassword,
                        @RequestParam(name = "new_password", defaultValue = "") String newPassword,
                        @RequestParam(name = "confirm_password", defaultValue = "") String confirmPassword) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword.isEmpty()) {
            errors.put("current_password", "Enter your current password.");
        }
        int length = newPassword.codePointCount(0, newPassword.length());
        if (length < settings.password().minLength()) {
            errors.put("new_password", "Use at least " + settings.password().minLength() + " characters.");
        }
        else if (length > AuthSettings.MAX_PASSWORD_LENGTH) {
            errors.put("new_password", "Use at most " + AuthSettings.MAX_PASSWORD_LENGTH + " characters.");
        }
        if (!newPassword.equals(confirmPassword)) {
            errors.put("confirm_password", "Passwords do not match.");
        }
        if (errors.isEmpty()) {
            try {
                users.changePassword(UUID.fromString(user.getUsername()), new PasswordChange(currentPassword, newPassword));
                return new ModelAndView("redirect:/account/password?changed");
            }
            catch (RuleViolatedException e) {
                errors.put("current_password", "The current password is not correct.");
            }
            catch (InvalidFieldsException e) {
                errors.put("new_password", "Use a password that is not your e-mail address.");
            }
        }
        return page(errors, HttpStatus.BAD_REQUEST);
    }

    private ModelAndView page(Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("password", status);
        page.addObject("errors", errors);
        page.addObject("minLength", settings.password().minLength());
        return page;
    }
}
