package dev.eshop.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON settings that have no {@code spring.jackson.*} property (the rest are in
 * {@code META-INF/eshop/defaults.properties}): {@code BigDecimal} written plainly
 * ({@code 70000.00}, never {@code 7.000000E+4}), request strings trimmed before validation, a JSON
 * number or boolean where a string belongs rejected, and JSON as the only body format.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer eshopJsonCustomizer() {
        return builder -> builder
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("eshop-trimmed-strings").addDeserializer(String.class, new TrimmingStringDeserializer()));
    }

    /**
     * Drops the YAML converter that swagger-core's jackson-dataformat-yaml would switch on: it
     * uses a Jackson 2 mapper without any of the settings above, and the API speaks JSON only.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebMvcConfigurer eshopJsonOnlyConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(converters -> converters.removeIf(converter ->
                        converter.getSupportedMediaTypes().contains(MediaType.APPLICATION_YAML)));
            }
        };
    }

    /** Jackson's own string rules, then trimmed. */
    static class TrimmingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            return value == null ? null : value.strip();
        }
    }
}
