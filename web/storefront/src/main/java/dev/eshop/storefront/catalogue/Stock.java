package dev.eshop.storefront.catalogue;

import dev.eshop.storefront.StorefrontSettings;
import org.springframework.stereotype.Component;

/**
 * How much is left, in words (spec/ui.md §1.3, §1.5): "In stock" (or "6 in stock" on the product
 * page), "Only 2 left" at or below {@code eshop.storefront.few-left-threshold}, "Out of stock".
 * Templates reach it as {@code @stock}.
 */
@Component("stock")
public class Stock {

    private final int fewLeftThreshold;

    Stock(StorefrontSettings settings) {
        this.fewLeftThreshold = settings.fewLeftThreshold();
    }

    /** On a product card. */
    public String card(int stock) {
        if (stock <= 0) {
            return "Out of stock";
        }
        return stock <= fewLeftThreshold ? "Only " + stock + " left" : "In stock";
    }

    /** On the product page. */
    public String detail(int stock) {
        if (stock <= 0) {
            return "Out of stock";
        }
        return stock <= fewLeftThreshold ? "Only " + stock + " left" : stock + " in stock";
    }

    /** A CSS class for the line: {@code stock-out}, {@code stock-few} or {@code stock-in}. */
    public String tone(int stock) {
        return stock <= 0 ? "stock-out" : stock <= fewLeftThreshold ? "stock-few" : "stock-in";
    }
}
