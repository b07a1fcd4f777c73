package dev.eshop.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The OpenID Connect provider and user store: sign-in pages, tokens for the web apps and services, user administration. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthApplication.class, args);
    }

    /** Every "now" of login locks, user timestamps and key retirement comes from here, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
