package dev.eshop.shippingcost.quote;

import dev.eshop.platform.web.Money;
import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.MalformedRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The function {@code shippingCost}: the delivery cost of one shipment (spec §8.1).
 * <p>
 * It validates its own input because it is invoked two ways: by {@link ShippingCostController} over
 * HTTP and by Spring Cloud Function's {@code FunctionInvoker} on AWS Lambda, where there is no Spring
 * MVC to do it. A bad request is an {@link InvalidFieldsException} (400 {@code validation}) on both.
 */
@Component("shippingCost")
public class ShippingCost implements Function<ShippingQuoteRequest, ShippingQuote> {

    private final ShippingProperties tariff;
    private final Validator validator;

    ShippingCost(ShippingProperties tariff, Validator validator) {
        this.tariff = tariff;
        this.validator = validator;
    }

    @Override
    public ShippingQuote apply(ShippingQuoteRequest request) {
        validate(request);
        int distance = Math.abs(Integer.parseInt(request.fromZip()) - Integer.parseInt(request.toZip()));
        BigDecimal perVehicle = tariff.baseFee().add(tariff.perZipUnit().multiply(BigDecimal.valueOf(distance)));
        BigDecimal cost = Money.of(perVehicle.multiply(BigDecimal.valueOf(request.vehicles())));
        return new ShippingQuote(cost, distance, request.vehicles());
    }

    private void validate(ShippingQuoteRequest request) {
        if (request == null) {
            throw new MalformedRequestException("The request body is missing.");
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<ShippingQuoteRequest> violation : validator.validate(request)) {
            errors.add(new FieldViolation(jsonName(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        Integer vehicles = request.vehicles();
        if (vehicles != null && (vehicles < 1 || vehicles > tariff.maxVehicles())) {
            errors.add(new FieldViolation("vehicles", "must be between 1 and " + tariff.maxVehicles()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldViolation::field));
            throw new InvalidFieldsException(errors);
        }
    }

    /** Field names as clients send them: the API is snake_case (spec §0.2). */
    private static String jsonName(String property) {
        return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, property);
    }
}
