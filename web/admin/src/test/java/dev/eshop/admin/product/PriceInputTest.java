package dev.eshop.admin.product;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How admins may type a price (spec/ui.md §0.3). */
class PriceInputTest {

    @Test
    void readsThePricesAdminsType() {
        assertThat(PriceInput.parse("70000")).contains(new BigDecimal("70000.00"));
        assertThat(PriceInput.parse("70000.5")).contains(new BigDecimal("70000.50"));
        assertThat(PriceInput.parse("70,000.00")).contains(new BigDecimal("70000.00"));
        assertThat(PriceInput.parse("$70,000")).contains(new BigDecimal("70000.00"));
        assertThat(PriceInput.parse(" $ 1,159,400.99 ")).contains(new BigDecimal("1159400.99"));
        assertThat(PriceInput.parse("0.01")).contains(new BigDecimal("0.01"));
    }

    @Test
    void refusesAnythingElse() {
        for (String typed : List.of("", "abc", "70.000,00", "7,0000", "70000.123", "-5", "70 000", "$", "1e5", "70000.", ",000", "€70000")) {
            assertThat(PriceInput.parse(typed)).as(typed).isEmpty();
        }
        assertThat(PriceInput.INVALID).isEqualTo("Enter a price like 70000.00.");
    }

    @Test
    void showsAStoredPriceSoItReadsBackTheSame() {
        assertThat(PriceInput.show(new BigDecimal("70000.5"))).isEqualTo("70000.50");
        assertThat(PriceInput.parse(PriceInput.show(new BigDecimal("1159400.99")))).contains(new BigDecimal("1159400.99"));
    }
}
