package dev.eshop.platform.events.stock;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class StockController {

    private final StockChanges stock;

    StockController(StockChanges stock) {
        this.stock = stock;
    }

    @PostMapping("/v1/stock/{productId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void change(@PathVariable UUID productId, @RequestParam int quantity) {
        stock.change(productId, quantity, 1);
    }
}
