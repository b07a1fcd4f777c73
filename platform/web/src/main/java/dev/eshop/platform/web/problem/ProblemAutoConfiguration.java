package dev.eshop.platform.web.problem;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems for every error: the exception handler for Spring MVC, the error controller
 * for what happens outside it, and the trace id of each request for their {@code trace_id}.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ProblemProperties.class)
public class ProblemAutoConfiguration {

    @Bean
    TraceIds eshopTraceIds(ObjectProvider<Tracer> tracer) {
        return new TraceIds(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /** Right after Spring's server observation filter, which opens the request's span. */
    @Bean
    FilterRegistrationBean<TraceIds> eshopTraceIdsRegistration(TraceIds traceIds) {
        FilterRegistrationBean<TraceIds> registration = new FilterRegistrationBean<>(traceIds);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    ProblemResponses problemResponses(ProblemProperties properties, TraceIds traceIds, JsonMapper jsonMapper) {
        return new ProblemResponses(properties, traceIds, jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemExceptionHandler problemExceptionHandler(ProblemResponses problems, JsonMapper jsonMapper, Environment environment) {
        Binder binder = Binder.get(environment);
        return new ProblemExceptionHandler(problems, new JsonNames(jsonMapper),
                () -> binder.bind("spring.servlet.multipart.max-file-size", DataSize.class).map(DataSize::toBytes).orElse(-1L));
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    @ConditionalOnBean(ProblemExceptionHandler.class)
    ProblemErrorController problemErrorController(ProblemExceptionHandler handler, ProblemResponses problems) {
        return new ProblemErrorController(handler, problems);
    }
}
