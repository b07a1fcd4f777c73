package dev.eshop.shippingcost.quote;

import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The function on its own: the formula of spec §8.1 and the tariff it is given. */
class ShippingCostTest {

    private static ValidatorFactory validation;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    private static ShippingCost shippingCost(String baseFee, String perZipUnit, int maxVehicles) {
        Validator validator = validation.getValidator();
        return new ShippingCost(new ShippingProperties(new BigDecimal(baseFee), new BigDecimal(perZipUnit), maxVehicles), validator);
    }

    @ParameterizedTest(name = "{0} -> {1}, {2} vehicle(s): {3}")
    @CsvSource({
            "10250, 10250, 1,  100.00, 0",
            "10250, 10000, 1,  105.00, 250",
            "10000, 10250, 2,  210.00, 250",
            "10250, 90210, 1, 1699.20, 79960",
            "00501, 99950, 3, 6266.94, 99449"})
    void costsTheExamplesOfTheSpecWithTheDefaultTariff(String fromZip, String toZip, int vehicles, String cost, int distance) {
        ShippingQuote quote = shippingCost("100.00", "0.02", 1000).apply(new ShippingQuoteRequest(fromZip, toZip, vehicles));

        assertThat(quote.shippingCost()).isEqualByComparingTo(cost).hasScaleOf(2);
        assertThat(quote.shippingCost().toPlainString()).isEqualTo(cost);
        assertThat(quote.distance()).isEqualTo(distance);
        assertThat(quote.vehicles()).isEqualTo(vehicles);
    }

    @Test
    void usesTheConfiguredTariffAndRoundsHalfUpToCents() {
        ShippingCost tariff = shippingCost("49.99", "0.135", 5);

        // (49.99 + 0.135 × 3) × 2 = 100.79
        assertThat(tariff.apply(new ShippingQuoteRequest("00001", "00004", 2)).shippingCost().toPlainString()).isEqualTo("100.79");
        // 49.99 + 0.135 × 1 = 50.125: half up gives 50.13 (half even would give 50.12)
        assertThat(tariff.apply(new ShippingQuoteRequest("00002", "00001", 1)).shippingCost().toPlainString()).isEqualTo("50.13");
        assertThatThrownBy(() -> tariff.apply(new ShippingQuoteRequest("00001", "00002", 6)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, problem -> assertThat(problem.members().get("errors"))
                        .isEqualTo(List.of(new FieldViolation("vehicles", "must be between 1 and 5"))));
    }
}
