package dev.eshop.admin.user;

import dev.eshop.admin.site.Confirmation;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.platform.webapp.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.UUID;

/**
 * User accounts (spec/ui.md §2.12, flows.md §1.15): the list with role, status and search; disabling
 * or enabling an account (never your own); and creating an admin, the only way anyone becomes one.
 */
@Controller
class UserController {

    private static final ListQuery.Sorts SORTS = ListQuery.Sorts.by("created_at", false).and("name", true).and("email", true);

    private final Users users;
    private final int pageSize;

    UserController(Users users, WebAppProperties properties) {
        this.users = users;
        this.pageSize = properties.pageSize("lists", 20);
    }

    /** The create-admin form as typed; the passwords are never shown again. */
    record AdminForm(String name, String email, String idempotencyKey) {

        static final Map<String, String> FIELDS = Map.of("name", "name", "email", "email", "password", "password");
        static final Map<String, String> LABELS = Map.of("name", "Name", "email", "E-mail", "password", "Password");
    }

    @GetMapping("/users")
    String list(Model model, HttpServletRequest request) {
        ListQuery list = ListQuery.of(request, pageSize, SORTS);
        String role = "ADMIN".equals(list.filter("role")) || "CUSTOMER".equals(list.filter("role")) ? list.filter("role") : null;
        Boolean enabled = "enabled".equals(list.filter("status")) ? Boolean.TRUE : "disabled".equals(list.filter("status")) ? Boolean.FALSE : null;
        ResultPage<User> found = users.list(role, enabled, list.filter("q"), list.apiPage(), list.size(), list.apiSort());
        model.addAttribute("list", list);
        model.addAttribute("users", found);
        model.addAttribute("paging", list.paging(found));
        model.addAttribute("me", SignedInUser.current().map(SignedInUser::id).orElse(""));
        return Htmx.isFragmentRequest(request) ? "users :: results" : "users";
    }

    @GetMapping("/users/{id}/{change:disable|enable}")
    String confirm(@PathVariable UUID id, @PathVariable String change, @RequestParam(required = false) String back, Model model) {
        User user = users.get(id);
        String list = ListQuery.back("/users", back);
        return Confirmation.show(model, new Confirmation((change.equals("disable") ? "Disable " : "Enable ") + user.name(),
                change.equals("disable") ? user.disableQuestion() : user.enableQuestion(), "/users/" + id + "/" + change,
                change.equals("disable") ? "Disable" : "Enable", list, Map.of("back", list)));
    }

    /** Disables or enables an account, then shows the list as it was (filters, sort and page). */
    @PostMapping("/users/{id}/{change:disable|enable}")
    Object change(@PathVariable UUID id, @PathVariable String change, @RequestParam(required = false) String back,
                  HttpServletRequest request, HttpServletResponse response) {
        boolean enable = change.equals("enable");
        String list = ListQuery.back("/users", back);
        try {
            User user = users.setEnabled(id, enable);
            return Outcomes.done(list, (enable ? "Enabled " : "Disabled ") + user.name() + " (" + user.email() + ").", request, response);
        }
        catch (ServiceProblem refused) {
            Forms.throwIfForbiddenOrGone(refused);
            return Outcomes.refused(list, refused.detail(), request, response);
        }
    }

    @GetMapping("/users/new-admin")
    String newAdmin(Model model) {
        return form(new AdminForm("", "", UUID.randomUUID().toString()), FormErrors.none(), model);
    }

    @PostMapping("/users/new-admin")
    Object create(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, HttpServletResponse response) {
        AdminForm form = new AdminForm(Forms.value(fields, "name"), Forms.value(fields, "email"), Forms.idempotencyKey(fields));
        // Passwords are taken exactly as typed: spaces are part of them.
        String password = Forms.value(fields, "password");
        if (!password.equals(Forms.value(fields, "confirm_password"))) {
            form(form, FormErrors.none().field("confirm_password", "Passwords do not match."), model);
            return Outcomes.again("user-form", "entry", HttpStatus.BAD_REQUEST, request);
        }
        try {
            User admin = users.createAdmin(new Users.NewAdmin(form.email().strip(), form.name().strip(), password), form.idempotencyKey());
            return Outcomes.done("/users", "Added the admin " + admin.name() + " (" + admin.email() + ").", request, response);
        }
        catch (ServiceProblem refused) {
            form(form, Forms.errors(refused, AdminForm.FIELDS, AdminForm.LABELS), model);
            return Outcomes.again("user-form", "entry", Forms.status(refused), request);
        }
    }

    private static String form(AdminForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "user-form";
    }
}
