package dev.eshop.payment.payments;

import dev.eshop.platform.events.payment.PaymentStatus;
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

/** Reading payments: a customer their own, an admin every one (the review queue is {@code status=PENDING&sort=created_at,asc}). */
@RestController
@Tag(name = "Payments", description = "Payment proofs: list and detail (a customer sees their own, an admin all)")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/v1/payments")
    PageResult<PaymentView> list(@RequestParam(name = "status", required = false) List<PaymentStatus> statuses,
                                 @RequestParam(name = "order_id", required = false) UUID orderId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @Sortable(value = {"created_at"}, byDefault = "created_at,desc") PageQuery page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldsException("from", "must not be after to");
        }
        UUID onlyOf = CurrentUser.isAdmin() ? null : CurrentUser.id();
        return payments.find(new Payments.Filter(onlyOf, statuses, orderId, from, to), page);
    }

    @GetMapping("/v1/payments/{id}")
    PaymentView get(@PathVariable UUID id) {
        PaymentView payment = payments.view(id).orElseThrow(() -> new NotFoundException("payment", id));
        CurrentUser.checkOwner(payment.userId());
        return payment;
    }
}
