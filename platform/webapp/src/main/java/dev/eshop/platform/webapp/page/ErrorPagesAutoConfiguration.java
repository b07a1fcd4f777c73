package dev.eshop.platform.webapp.page;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.util.Map;

/**
 * Error pages in the app's own look: {@link ErrorPages} for problems out of the controllers, and for
 * what reaches the container's error dispatch (an unknown path, a failure outside Spring MVC) the same
 * views with a readable message and the trace id. Pages are rendered whole before they are sent.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorPagesAutoConfiguration {

    @Bean
    TraceIds webAppTraceIds(ObjectProvider<Tracer> tracer) {
        return new TraceIds(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /** Right after Spring's server observation filter, which opens the request's span. */
    @Bean
    FilterRegistrationBean<TraceIds> webAppTraceIdsRegistration(TraceIds traceIds) {
        FilterRegistrationBean<TraceIds> registration = new FilterRegistrationBean<>(traceIds);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    ErrorPages errorPages(TraceIds traceIds) {
        return new ErrorPages(traceIds);
    }

    @Bean
    ErrorAttributes errorPageAttributes(TraceIds traceIds) {
        return new ErrorPageAttributes(traceIds);
    }

    /**
     * Pages are rendered whole before anything is sent: a form's CSRF token may start the session
     * halfway through a page (too late once the first bytes have gone out), and a failure halfway
     * through still gets its error page instead of half a page.
     */
    @Bean
    static BeanPostProcessor wholePageRendering() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver views) {
                    views.setProducePartialOutputWhileProcessing(false);
                }
                return bean;
            }
        };
    }

    @Bean
    ErrorViewResolver errorPageViews() {
        return (HttpServletRequest request, HttpStatus status, Map<String, Object> model) ->
                new ModelAndView(ErrorPages.viewFor(status.value()), model, status);
    }
}
