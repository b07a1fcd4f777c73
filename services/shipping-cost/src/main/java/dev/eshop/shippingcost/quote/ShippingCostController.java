package dev.eshop.shippingcost.quote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /shipping-cost}: the same path as the API Gateway route of the Lambda deployment, so
 * callers do not care which one answers. Only callers with scope {@code shipping.quote}
 * ({@link ShippingSecurity}).
 */
@RestController
class ShippingCostController {

    private final ShippingCost shippingCost;

    ShippingCostController(ShippingCost shippingCost) {
        this.shippingCost = shippingCost;
    }

    @Operation(summary = "Price one shipment between two zip codes",
            description = "shipping_cost = (base_fee + per_zip_unit × |from_zip − to_zip|) × vehicles, USD, rounded half-up to cents. "
                    + "Needs a client-credentials token with scope shipping.quote.")
    @ApiResponse(responseCode = "200", description = "The quote")
    @ApiResponse(responseCode = "400", description = "A zip code is not a string of exactly 5 digits, or vehicles is outside 1..max-vehicles")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The token lacks scope shipping.quote")
    @PostMapping(path = "/shipping-cost", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ShippingQuote quote(@RequestBody ShippingQuoteRequest request) {
        return shippingCost.apply(request);
    }
}
