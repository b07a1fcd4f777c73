package dev.eshop.platform.webapp;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.time.Duration;

/**
 * The static files of a web app, served from the public prefixes alone ({@code /css/**},
 * {@code /js/**}, {@code /img/**} from {@code classpath:/static/}, {@code /webjars/**} with
 * version-less URLs), once the app turns Boot's catch-all {@code /**} handler off with
 * {@code spring.web.resources.add-mappings=false}.
 * <p>
 * Why: with webjars on the classpath Boot enables the resource chain, and Thymeleaf passes every
 * {@code @{…}} link through it to learn its versioned URL. With a {@code /**} handler each page link
 * ({@code /products/…}, {@code /orders/…}) is looked up on the classpath, a miss that is never
 * cached; in a fat jar that was most of the time spent rendering a page. Limited to these prefixes,
 * only links to real files are looked up, once.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "spring.web.resources.add-mappings", havingValue = "false")
@EnableConfigurationProperties(WebProperties.class)
public class StaticResourcesAutoConfiguration {

    /** Webjar URLs carry the version once rewritten, so a browser may keep them. */
    private static final Duration WEBJARS_MAX_AGE = Duration.ofDays(365);

    @Bean
    WebMvcConfigurer staticResources(WebProperties web) {
        WebProperties.Resources.Cache cache = web.getResources().getCache();
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                for (String folder : new String[] {"css", "js", "img"}) {
                    withCache(registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/"),
                            cache).resourceChain(true);
                }
                withCache(registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/"), cache);
                registry.addResourceHandler("/webjars/**")
                        .addResourceLocations("classpath:/META-INF/resources/webjars/")
                        .setCacheControl(CacheControl.maxAge(WEBJARS_MAX_AGE).cachePublic())
                        .resourceChain(true)
                        .addResolver(new LiteWebJarsResourceResolver());
            }
        };
    }

    /** {@code spring.web.resources.cache.*}, as Boot applies it to its own handlers. */
    private static ResourceHandlerRegistration withCache(ResourceHandlerRegistration registration, WebProperties.Resources.Cache cache) {
        CacheControl control = cache.getCachecontrol().toHttpCacheControl();
        if (control != null) {
            registration.setCacheControl(control);
        }
        else if (cache.getPeriod() != null) {
            registration.setCachePeriod((int) cache.getPeriod().toSeconds());
        }
        registration.setUseLastModified(cache.isUseLastModified());
        return registration;
    }
}
