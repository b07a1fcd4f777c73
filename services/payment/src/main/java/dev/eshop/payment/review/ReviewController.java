package dev.eshop.payment.review;

import dev.eshop.payment.payments.PaymentView;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Admins approve or reject a PENDING proof (ADMIN only, see AccessRules). */
@RestController
@Tag(name = "Payment review", description = "Approve or reject a payment proof (ADMIN)")
class ReviewController {

    private static final int MAX_NAME = 100;

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/v1/payments/{id}/review")
    PaymentView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (request.decision() == ReviewRequest.Decision.REJECTED && note == null) {
            throw new InvalidFieldsException("note", "must not be blank when the decision is REJECTED");
        }
        return reviews.review(id, PaymentStatus.valueOf(request.decision().name()), note, CurrentUser.id(), adminName());
    }

    /** The admin's {@code name} claim, shown next to the decision. */
    private static String adminName() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            String name = jwt.getToken().getClaimAsString("name");
            if (name != null && !name.isBlank()) {
                name = name.strip();
                return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
            }
        }
        return null;
    }
}
