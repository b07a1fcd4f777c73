package dev.eshop.platform.webapp.testapp;

import dev.eshop.platform.webapp.client.ServiceClients;
import dev.eshop.platform.webapp.security.PageRules;
import dev.eshop.platform.webapp.security.SignedInUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;

/**
 * A web app on the platform: a public page and a private one, both showing what a "catalog" service
 * answers, so the tests see which token each call carries and how each failure is shown.
 */
@SpringBootApplication
public class TestWebApp {

    @Bean
    PageRules testPages() {
        return rules -> rules.requestMatchers("/private", "/private/**").authenticated().requestMatchers("/**").permitAll();
    }

    @Controller
    static class Pages {

        private final RestClient catalog;

        Pages(ServiceClients clients) {
            this.catalog = clients.create("catalog");
        }

        @GetMapping("/")
        String home(Model model) {
            model.addAttribute("answer", catalog.get().uri("/v1/things").retrieve().body(String.class));
            return "home";
        }

        /** A page linking a static file, a webjar and another page. */
        @GetMapping("/links")
        String links() {
            return "links";
        }

        @GetMapping("/private")
        String mine(Model model) {
            model.addAttribute("answer", catalog.get().uri("/v1/things/mine").retrieve().body(String.class));
            model.addAttribute("user", SignedInUser.current().orElseThrow());
            return "private";
        }

        @PostMapping("/private/things")
        String add() {
            catalog.post().uri("/v1/things").body("{}").retrieve().toBodilessEntity();
            return "redirect:/private";
        }
    }
}
