package dev.eshop.order.orders;

import dev.eshop.order.orders.OrderQueries.Filter;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reading orders: a customer's own list, the admins' list with filters, and one order for its owner or an admin. */
@RestController
@Tag(name = "Orders", description = "Order lists and details (CUSTOMER: own orders; ADMIN: all)")
class OrderQueryController {

    private static final int MAX_Q = 254;

    private final OrderQueries queries;
    private final OrderRepository orders;
    private final OrderViews views;

    OrderQueryController(OrderQueries queries, OrderRepository orders, OrderViews views) {
        this.queries = queries;
        this.orders = orders;
        this.views = views;
    }

    @GetMapping("/v1/orders/me")
    PageResult<OrderSummary> mine(@RequestParam(name = "status", required = false) List<OrderStatus> statuses,
                                  @Sortable(value = {"created_at"}, byDefault = "created_at,desc") PageQuery page) {
        return queries.find(new Filter(CurrentUser.id(), statuses, null, null, null), page).map(OrderSummary::withoutCustomer);
    }

    @GetMapping("/v1/orders")
    PageResult<OrderSummary> all(@RequestParam(name = "status", required = false) List<OrderStatus> statuses,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(name = "user_id", required = false) UUID userId,
                                 @RequestParam(required = false) String q,
                                 @Sortable(value = {"created_at", "total"}, byDefault = "created_at,desc") PageQuery page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldsException("from", "must not be after to");
        }
        if (q != null && q.strip().length() > MAX_Q) {
            throw new InvalidFieldsException("q", "must be at most " + MAX_Q + " characters");
        }
        return queries.find(new Filter(userId, statuses, from, to, q), page);
    }

    /** The owner or an admin; another customer gets 403, an unknown id 404. */
    @GetMapping("/v1/orders/{id}")
    OrderDetail one(@PathVariable UUID id) {
        Order order = orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
        CurrentUser.checkOwner(order.userId());
        return views.detail(order, OrderViews.Viewer.current());
    }
}
