package dev.eshop.platform.webapp.format;

import dev.eshop.platform.webapp.WebAppProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The {@code @fmt} bean, in {@code eshop.web.time-zone}; a {@link Clock} bean, if any, is its "now" (for countdowns). */
@AutoConfiguration
@EnableConfigurationProperties(WebAppProperties.class)
public class FormatAutoConfiguration {

    @Bean(name = "fmt")
    Formats fmt(WebAppProperties properties, ObjectProvider<Clock> clock) {
        return new Formats(properties.timeZone(), clock.getIfAvailable(Clock::systemUTC));
    }
}
