package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Users (spec/ui.md §2.12): the list, disabling and enabling after asking, creating an admin. */
class UserPagesTest extends AdminTestSupport {

    static final UUID CARL = UUID.fromString("0193a4b0-0000-7000-8000-00000000c001");

    @Test
    void theListShowsEveryoneWithActionsButNoneForYourself() {
        services.answer("GET", "/v1/users", 200, Samples.page(0, 20, 2,
                Samples.user(ADMIN_ID, "Ada Admin", "ada.admin@example.com", "ADMIN", true),
                Samples.user(CARL, "Carl <script>x</script>", "carl@example.com", "CUSTOMER", false)));

        Visitor.Page list = admin().get("/users?role=CUSTOMER&status=disabled&q=carl&sort=email,asc");

        Document page = list.document();
        assertThat(page.selectFirst("#user-" + ADMIN_ID).text()).isEqualTo("Ada Admin ada.admin@example.com Admin ✓ Enabled 2 Jan 2025, 10:00 Never You");
        assertThat(page.select("#user-" + ADMIN_ID + " a")).isEmpty();
        Element carl = page.selectFirst("#user-" + CARL);
        assertThat(carl.text()).contains("Carl <script>x</script>", "Customer", "Disabled");
        assertThat(carl.select("a").eachText()).containsExactly("Enable");
        assertThat(list.html()).doesNotContain("<script>x</script>");
        FakeServices.Request asked = services.last("GET", "/v1/users");
        assertThat(asked.param("role")).isEqualTo("CUSTOMER");
        assertThat(asked.param("enabled")).isEqualTo("false");
        assertThat(asked.param("q")).isEqualTo("carl");
        assertThat(asked.param("sort")).isEqualTo("email,asc");
        assertThat(page.selectFirst("th[aria-sort=ascending]").text()).startsWith("E-mail");
    }

    @Test
    void disablingAsksFirstAndTheLastAdminIsRefusedInPlace() {
        UUID other = UUID.randomUUID();
        services.answer("GET", "/v1/users/" + other, 200, Samples.user(other, "Bob Admin", "bob@example.com", "ADMIN", true));
        services.answer("PATCH", "/v1/users/" + other, 422, Samples.problem(422, "rule-violated", "You cannot disable the last admin.",
                "\"rule\":\"last-admin\""));
        Visitor admin = admin();

        Visitor.Page confirm = admin.get("/users/" + other + "/disable");
        assertThat(confirm.one("main p").text())
                .isEqualTo("Disable Bob Admin (bob@example.com)? They are signed out within 10 minutes and cannot sign in until enabled again.");
        Visitor.Page refused = admin.submit(confirm.form("main form"));

        assertThat(refused.redirect()).isEqualTo("/users");
        assertThat(services.last("PATCH", "/v1/users/" + other).text()).isEqualTo("{\"enabled\":false}");
        assertThat(admin.get("/users").one("p.alert").text()).isEqualTo("You cannot disable the last admin.");
    }

    @Test
    void enablingSendsTheChangeAndSaysWhom() {
        services.answer("GET", "/v1/users/" + CARL, 200, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", false));
        services.answer("PATCH", "/v1/users/" + CARL, 200, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", true));
        Visitor admin = admin();

        Visitor.Page done = admin.submit(admin.get("/users/" + CARL + "/enable").form("main form"));

        assertThat(done.redirect()).isEqualTo("/users");
        assertThat(services.last("PATCH", "/v1/users/" + CARL).text()).isEqualTo("{\"enabled\":true}");
        assertThat(admin.get("/users").one("p.notice").text()).isEqualTo("Enabled Carl Customer (carl@example.com).");
    }

    @Test
    void creatingAnAdminChecksThePasswordsMatchAndShowsAuthsMessages() {
        services.answer("POST", "/v1/users/admins", 409, Samples.problem(409, "duplicate", "This e-mail is already registered.",
                "\"field\":\"email\""));
        Visitor admin = admin();
        Element form = admin.get("/users/new-admin").form("#admin-form");

        Visitor.Page mismatch = admin.submit(form, Map.of("name", "Bob", "email", "bob@example.com", "password", "a long password 1",
                "confirm_password", "a long password 2"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.one("#confirm_password-error").text()).isEqualTo("Passwords do not match.");
        assertThat(mismatch.one("#password").val()).as("never shown again").isEmpty();
        assertThat(mismatch.one("#email").val()).isEqualTo("bob@example.com");
        assertThat(services.requests("POST", "/v1/users/admins")).isEmpty();

        Visitor.Page duplicate = admin.submit(form, Map.of("name", "Bob", "email", "bob@example.com", "password", "a long password 1",
                "confirm_password", "a long password 1"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.one("#email-error").text()).isEqualTo("This e-mail is already registered.");
        FakeServices.Request sent = services.last("POST", "/v1/users/admins");
        assertThat(sent.text()).isEqualTo("{\"email\":\"bob@example.com\",\"name\":\"Bob\",\"password\":\"a long password 1\"}");
        assertThat(sent.header("Idempotency-Key")).isEqualTo(form.selectFirst("input[name=idempotency_key]").val());
    }

    @Test
    void aNewAdminIsAddedAndTheListSaysSo() {
        services.answer("POST", "/v1/users/admins", 400, Samples.problem(400, "validation", "Invalid.", null, "password=size must be between 12 and 128"));
        Visitor admin = admin();
        Element form = admin.get("/users/new-admin").form("#admin-form");
        Visitor.Page tooShort = admin.submit(form, Map.of("name", "Bob", "email", "bob@example.com", "password", "short",
                "confirm_password", "short"));
        assertThat(tooShort.one("#password-error").text()).isEqualTo("Password size must be between 12 and 128.");
        assertThat(tooShort.one("#password").attr("aria-describedby")).isEqualTo("password-hint password-error");

        services.answer("POST", "/v1/users/admins", 201, Samples.user(UUID.randomUUID(), "Bob", "bob@example.com", "ADMIN", true));
        Visitor.Page done = admin.submit(form, Map.of("name", "Bob", "email", "bob@example.com", "password", "a long password 1",
                "confirm_password", "a long password 1"));

        assertThat(done.redirect()).isEqualTo("/users");
        assertThat(admin.get("/users").one("p.notice").text()).isEqualTo("Added the admin Bob (bob@example.com).");
    }

    @Test
    void searchingKeepsTheChosenSort() {
        Visitor admin = admin();

        admin.submit(admin.get("/users?sort=name,desc").form("form.filters"), Map.of("q", "carl"));

        FakeServices.Request asked = services.last("GET", "/v1/users");
        assertThat(asked.param("q")).isEqualTo("carl");
        assertThat(asked.param("sort")).isEqualTo("name,desc");
    }

    @Test
    void theSecondPageIsAskedForAndThePagerShowsIt() {
        services.answer("GET", "/v1/users", 200, Samples.page(1, 20, 45, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", true)));

        Document page = admin().get("/users?role=CUSTOMER&page=2").document();

        assertSecondPageOf45(page, services.last("GET", "/v1/users"), "/users?role=CUSTOMER");
    }

    @Test
    void afterDisablingTheListComesBackWithItsFiltersSortAndPage() {
        services.answer("GET", "/v1/users", 200, Samples.page(1, 20, 45, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", true)));
        services.answer("GET", "/v1/users/" + CARL, 200, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", true));
        services.answer("PATCH", "/v1/users/" + CARL, 200, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", false));
        Visitor admin = admin();
        String list = "/users?role=CUSTOMER&q=carl&sort=name%2Cdesc&page=2";

        Element disable = admin.get("/users?role=CUSTOMER&q=carl&sort=name,desc&page=2").one("#user-" + CARL + " a:contains(Disable)");
        Visitor.Page confirm = follow(admin, disable.attr("href"));
        assertThat(confirm.one("main a:contains(Cancel)").attr("href")).isEqualTo(list);
        Visitor.Page done = admin.submit(confirm.form("main form"));

        assertThat(done.redirect()).isEqualTo(list);
        assertThat(landing(admin, done).selectFirst("p.notice").text()).isEqualTo("Disabled Carl Customer (carl@example.com).");
        FakeServices.Request asked = services.last("GET", "/v1/users");
        assertThat(asked.param("role")).isEqualTo("CUSTOMER");
        assertThat(asked.param("q")).isEqualTo("carl");
        assertThat(asked.param("sort")).isEqualTo("name,desc");
        assertThat(asked.param("page")).isEqualTo("1");
    }

    @Test
    void aChangeNeverGoesBackAnywhereButTheList() {
        services.answer("PATCH", "/v1/users/" + CARL, 200, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", true));
        services.answer("GET", "/v1/users/" + CARL, 200, Samples.user(CARL, "Carl Customer", "carl@example.com", "CUSTOMER", false));
        Visitor admin = admin();
        Element form = admin.get("/users/" + CARL + "/enable").form("main form");

        for (String elsewhere : new String[] {"https://evil.example/users", "//evil.example/users", "/users/new-admin", "/usersx?q=a"}) {
            assertThat(admin.submit(form, Map.of("back", elsewhere)).redirect()).as(elsewhere).isEqualTo("/users");
        }
    }
}
