package dev.eshop.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the properties of every {@value #LOCATION} on the class path as the last (lowest) property
 * sources, so each platform module can ship defaults that any service setting (application.yml,
 * environment variable, command line) overrides.
 * <p>
 * When two files set the same key, the one found first on the class path wins. Only
 * {@code SpringApplication.setDefaultProperties(..)}, which Boot always moves to the very end, ranks lower.
 */
public class DefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String LOCATION = "classpath*:META-INF/eshop/defaults.properties";

    static final String SOURCE_NAME_PREFIX = "eshop-defaults: ";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        for (Resource resource : findDefaults(application.getClassLoader())) {
            String name = SOURCE_NAME_PREFIX + resource.getDescription();
            if (sources.contains(name)) {
                continue;
            }
            try {
                sources.addLast(new PropertiesPropertySource(name, PropertiesLoaderUtils.loadProperties(resource)));
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not read " + resource.getDescription(), e);
            }
        }
    }

    private static Resource[] findDefaults(ClassLoader classLoader) {
        try {
            return new PathMatchingResourcePatternResolver(classLoader).getResources(LOCATION);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not look for " + LOCATION, e);
        }
    }

    /** After the config data processor, which rearranges the sources it loads. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
