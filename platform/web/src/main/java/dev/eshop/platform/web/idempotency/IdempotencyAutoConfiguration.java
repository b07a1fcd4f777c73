package dev.eshop.platform.web.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * {@link Idempotent} endpoints, in services with a {@code DataSource} (a service without one, like
 * shipping-cost, starts as before and the annotation does nothing).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
                                      IdempotencyProperties properties) {
        return new IdempotencyStore(JdbcClient.create(dataSource), transactionManager.getIfUnique(), properties, Clock.systemUTC());
    }

    /** After Spring Security (so only authenticated requests are buffered), before the DispatcherServlet. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> eshopIdempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(store));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    WebMvcConfigurer eshopIdempotencyConfigurer(IdempotencyStore store) {
        IdempotencyInterceptor interceptor = new IdempotencyInterceptor(store);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    @Bean
    IdempotencyPurge eshopIdempotencyPurge(IdempotencyStore store) {
        return new IdempotencyPurge(store);
    }
}
