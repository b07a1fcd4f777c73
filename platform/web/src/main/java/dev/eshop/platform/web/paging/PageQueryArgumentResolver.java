package dev.eshop.platform.web.paging;

import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.MalformedRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Resolves {@link PageQuery} parameters from {@code page}, {@code size} and {@code sort}. */
public class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        int page = number(request, "page", 0);
        int size = number(request, "size", PageQuery.DEFAULT_SIZE);
        List<FieldViolation> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldViolation("page", "must be 0 or more"));
        }
        if (size < 1 || size > PageQuery.MAX_SIZE) {
            errors.add(new FieldViolation("size", "must be between 1 and " + PageQuery.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        String[] sorts = request.getParameterValues("sort");
        if (sorts != null && sorts.length > 1) {
            throw new MalformedRequestException("The query parameter 'sort' may be given once.");
        }
        return new PageQuery(page, size, sort(request.getParameter("sort"), parameter.getParameterAnnotation(Sortable.class)));
    }

    private static int number(NativeWebRequest request, String name, int byDefault) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw new MalformedRequestException("The query parameter '%s' must be a whole number (got '%s').".formatted(name, value));
        }
    }

    private static SortOrder sort(String value, Sortable sortable) {
        if (value == null || value.isBlank()) {
            return sortable == null || sortable.byDefault().isBlank() ? null : SortOrder.parse(sortable.byDefault());
        }
        if (sortable == null) {
            throw new MalformedRequestException("The query parameter 'sort' is not supported by this list (got '%s').".formatted(value));
        }
        SortOrder order = SortOrder.parse(value);
        List<String> allowed = Arrays.asList(sortable.value());
        if (order == null || !allowed.contains(order.field())) {
            throw new MalformedRequestException(
                    "The query parameter 'sort' must be one of %s followed by ,asc or ,desc (got '%s')."
                            .formatted(String.join(", ", allowed), value));
        }
        return order;
    }
}
