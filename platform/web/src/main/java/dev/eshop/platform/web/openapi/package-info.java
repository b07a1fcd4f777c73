/**
 * The OpenAPI document of every service, as clients see the API (snake_case names, the bearer
 * scheme, paging parameters). A service adds its own {@code OpenAPI} bean for its title and
 * description if it wants more than {@code spring.application.name}.
 */
package dev.eshop.platform.web.openapi;
