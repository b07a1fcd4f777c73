package dev.eshop.platform.web.paging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields a list may be sorted by (JSON names), on its {@link PageQuery} parameter. Without it, a
 * list takes no {@code sort} at all.
 *
 * <pre>
 * &#64;GetMapping("/v1/products")
 * PageResult&lt;ProductView&gt; list(&#64;Sortable(value = {"name", "price", "created_at"}, byDefault = "created_at,desc") PageQuery page)
 * </pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Sortable {

    /** The allowed fields. */
    String[] value();

    /** The order used when the request has no {@code sort}, e.g. {@code created_at,desc}; empty for none. */
    String byDefault() default "";
}
