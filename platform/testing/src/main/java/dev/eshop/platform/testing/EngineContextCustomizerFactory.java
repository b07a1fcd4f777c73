package dev.eshop.platform.testing;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the engines named by {@link WithPostgres}, {@link WithMariaDb}, {@link WithRedis},
 * {@link WithKafka} and {@link WithS3} into a Spring test context, and points every test context
 * at the {@link TestIssuer}. The customizer is keyed by the test class, so each class gets its
 * own context with its own database, topics and bucket.
 */
class EngineContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean postgres = TestContextAnnotationUtils.hasAnnotation(testClass, WithPostgres.class);
        boolean mariaDb = TestContextAnnotationUtils.hasAnnotation(testClass, WithMariaDb.class);
        if (postgres && mariaDb) {
            throw new IllegalStateException(testClass.getName() + " asks for PostgreSQL and MariaDB; a context has one datasource");
        }
        boolean redis = TestContextAnnotationUtils.hasAnnotation(testClass, WithRedis.class);
        boolean kafka = TestContextAnnotationUtils.hasAnnotation(testClass, WithKafka.class);
        boolean s3 = TestContextAnnotationUtils.hasAnnotation(testClass, WithS3.class);
        boolean anyEngine = postgres || mariaDb || redis || kafka || s3;
        // Without engines the customizer is the same for every class, so Spring can share the context.
        return new EngineContextCustomizer(anyEngine ? testClass : null, postgres, mariaDb, redis, kafka, s3);
    }

    private record EngineContextCustomizer(Class<?> testClass, boolean postgres, boolean mariaDb, boolean redis,
                                           boolean kafka, boolean s3) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String hint = testClass == null ? "shared" : testClass.getSimpleName();
            Map<String, Object> properties = new LinkedHashMap<>();
            if (postgres) {
                PostgresEngine engine = PostgresEngine.get();
                properties.put("spring.datasource.url", engine.jdbcUrl(engine.createDatabase(hint)));
                properties.put("spring.datasource.username", engine.username());
                properties.put("spring.datasource.password", engine.password());
            }
            if (mariaDb) {
                MariaDbEngine engine = MariaDbEngine.get();
                properties.put("spring.datasource.url", engine.jdbcUrl(engine.createDatabase(hint)));
                properties.put("spring.datasource.username", engine.username());
                properties.put("spring.datasource.password", engine.password());
            }
            if (redis) {
                RedisEngine engine = RedisEngine.get();
                properties.put("spring.data.redis.host", engine.host());
                properties.put("spring.data.redis.port", engine.port());
                properties.put("spring.data.redis.database", engine.freshDatabase());
            }
            if (kafka) {
                KafkaEngine engine = KafkaEngine.get();
                properties.put("spring.kafka.bootstrap-servers", engine.bootstrapServers());
                properties.put("eshop.kafka.topic-prefix", engine.freshNamespace(hint));
            }
            if (s3) {
                S3Engine engine = S3Engine.get();
                properties.put("eshop.s3.endpoint", engine.endpoint());
                properties.put("eshop.s3.region", S3Engine.REGION);
                properties.put("eshop.s3.path-style-access", true);
                properties.put("eshop.s3.access-key", S3Engine.ACCESS_KEY);
                properties.put("eshop.s3.secret-key", S3Engine.SECRET_KEY);
                properties.put("eshop.s3.bucket", engine.createBucket(hint));
            }
            // Above the application's own configuration, below what the test class sets inline.
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            for (PropertySource<?> source : List.of(new TestIssuerPropertySource(), new MapPropertySource("eshop-test-engines", properties))) {
                if (sources.contains(inlined)) {
                    sources.addAfter(inlined, source);
                }
                else {
                    sources.addFirst(source);
                }
            }
        }
    }

    /** Resolves the issuer only when a context asks for it, so tests without security start no server. */
    private static final class TestIssuerPropertySource extends PropertySource<Object> {

        private static final String ISSUER_URI = "eshop.security.issuer-uri";

        TestIssuerPropertySource() {
            super("eshop-test-issuer", new Object());
        }

        @Override
        public Object getProperty(String name) {
            return ISSUER_URI.equals(name) ? TestIssuer.get().uri() : null;
        }
    }
}
