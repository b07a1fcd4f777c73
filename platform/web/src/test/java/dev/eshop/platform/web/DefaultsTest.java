package dev.eshop.platform.web;

import dev.eshop.platform.web.problem.ProblemProperties;
import dev.eshop.platform.web.security.EshopSecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The defaults every service gets from {@code META-INF/eshop/defaults.properties}, and their precedence. */
class DefaultsTest extends WebTestSupport {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    EshopSecurityProperties security;

    @Autowired
    ProblemProperties problems;

    @Test
    void defaultsAreAddedBelowTheServicesOwnConfiguration() {
        List<String> names = environment.getPropertySources().stream().map(PropertySource::getName).toList();
        String defaults = names.stream().filter(name -> name.startsWith("eshop-defaults: ")).findFirst().orElseThrow();
        String applicationProperties = names.stream().filter(name -> name.contains("application.properties")).findFirst().orElseThrow();
        assertThat(names.indexOf(defaults)).isGreaterThan(names.indexOf(applicationProperties));
        assertThat(defaults).contains("META-INF/eshop/defaults.properties");

        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        // Set by both; the service's application.properties wins.
        assertThat(environment.getProperty("spring.servlet.multipart.max-file-size")).isEqualTo("1KB");
    }

    @Test
    void eshopSettingsAreBound() {
        assertThat(security.rolesClaim()).isEqualTo("roles");
        assertThat(security.audience()).isEqualTo("eshop");
        assertThat(security.issuerUri()).startsWith("http://127.0.0.1:"); // the test issuer overrides the default
        assertThat(problems.type("not-found")).isEqualTo(URI.create("https://eshop.example/problems/not-found"));
    }

    @Test
    void jsonIsSnakeCaseWithIsoDatesAndPlainDecimals() {
        record Sample(String firstName, Instant createdAt, BigDecimal unitPrice) {
        }
        String json = jsonMapper.writeValueAsString(new Sample("Ada", Instant.parse("2025-01-09T08:01:46Z"), new BigDecimal("7E+4").setScale(2)));
        assertThat(json).isEqualTo("{\"first_name\":\"Ada\",\"created_at\":\"2025-01-09T08:01:46Z\",\"unit_price\":70000.00}");
        assertThat(jsonMapper.writeValueAsString(Map.of("big", new BigDecimal("1E+3")))).isEqualTo("{\"big\":1000}");
    }

    @Test
    void jsonReadingIsStrictAboutTypes() {
        record Line(int quantity, String zipCode) {
        }
        assertThat(jsonMapper.readValue("{\"quantity\": 2, \"zip_code\": \" 01234 \", \"extra\": 1}", Line.class))
                .isEqualTo(new Line(2, "01234"));
        // No silent coercion: a float for an int, null for a primitive, a string for a number, a number for a string.
        for (String json : List.of("{\"quantity\": 1.5}", "{\"quantity\": null}", "{\"quantity\": \"2\"}", "{\"zip_code\": 1234}",
                "{\"zip_code\": true}")) {
            assertThatThrownBy(() -> jsonMapper.readValue(json, Line.class)).as(json).isInstanceOf(MismatchedInputException.class);
        }
    }
}
