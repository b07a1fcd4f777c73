package dev.eshop.platform.web.testapp;

import dev.eshop.platform.web.Money;
import dev.eshop.platform.web.testapp.TestModels.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;

/** Method validation outside the web layer ({@code @Validated}), which raises ConstraintViolationException. */
@Service
@Validated
class QuoteService {

    BigDecimal quote(@NotNull @Valid Address destination) {
        return Money.of("12.5");
    }
}
