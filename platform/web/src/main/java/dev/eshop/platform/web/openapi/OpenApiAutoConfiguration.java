package dev.eshop.platform.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.problem.ProblemErrorController;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The OpenAPI document ({@code /v3/api-docs}, {@code /swagger-ui.html}) as clients see the API:
 * property names in the JSON naming of the service (snake_case), a bearer-JWT security scheme,
 * and {@code page}, {@code size}, {@code sort} for endpoints taking a {@link PageQuery}.
 */
@AutoConfiguration(before = SpringDocConfiguration.class)
@ConditionalOnClass(SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    public static final String BEARER_SCHEME = "bearer-jwt";

    static {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(PageQuery.class) // documented as its three query parameters instead
                .addHiddenRestControllers(ProblemErrorController.class); // the container's error page, no API
    }

    /**
     * Springdoc reads models with its own Jackson 2 mapper, which knows nothing of
     * {@code spring.jackson.property-naming-strategy}; this one replaces its default model
     * resolver (ordered first, so springdoc's other converters still run before it).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver eshopModelResolver(Environment environment, SpringDocConfigProperties springDoc) {
        ObjectMapper mapper = Json.mapper().copy();
        if ("SNAKE_CASE".equalsIgnoreCase(environment.getProperty("spring.jackson.property-naming-strategy", ""))) {
            mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
        return new ModelResolver(mapper).openapi31(springDoc.isOpenapi31());
    }

    @Bean
    GlobalOpenApiCustomizer eshopOpenApiCustomizer(Environment environment) {
        return openApi -> {
            Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
            components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token of the Eshop issuer (eshop.security.issuer-uri)."));
            openApi.setComponents(components);
            if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
            }
            String name = environment.getProperty("spring.application.name");
            if (name != null && (openApi.getInfo() == null || "OpenAPI definition".equals(openApi.getInfo().getTitle()))) {
                openApi.setInfo((openApi.getInfo() != null ? openApi.getInfo() : new Info().version("v1")).title(name));
            }
        };
    }

    @Bean
    OperationCustomizer eshopPageQueryParameters() {
        return (operation, handlerMethod) -> {
            for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
                if (parameter.getParameterType() == PageQuery.class) {
                    pageQueryParameters(parameter.getParameterAnnotation(Sortable.class)).forEach(operation::addParametersItem);
                }
            }
            return operation;
        };
    }

    private static List<Parameter> pageQueryParameters(Sortable sortable) {
        Parameter page = new Parameter().in("query").name("page").required(false)
                .description("Page number, 0-based.")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0));
        Parameter size = new Parameter().in("query").name("size").required(false)
                .description("Items per page, 1 to " + PageQuery.MAX_SIZE + ".")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageQuery.MAX_SIZE))
                        ._default(PageQuery.DEFAULT_SIZE));
        if (sortable == null) {
            return List.of(page, size);
        }
        StringSchema orders = new StringSchema();
        Arrays.stream(sortable.value()).forEach(field -> orders.addEnumItem(field + ",asc").addEnumItem(field + ",desc"));
        if (!sortable.byDefault().isBlank()) {
            orders._default(sortable.byDefault());
        }
        Parameter sort = new Parameter().in("query").name("sort").required(false)
                .description("Sort order: field,asc or field,desc.").schema(orders);
        return List.of(page, size, sort);
    }
}
