package dev.eshop.platform.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void amountsAreScaleTwoRoundedHalfUp() {
        assertThat(Money.of("70000")).hasToString("70000.00");
        assertThat(Money.of("0.005")).hasToString("0.01");
        assertThat(Money.of("0.004")).hasToString("0.00");
        assertThat(Money.of("-0.005")).hasToString("-0.01");
        assertThat(Money.of((BigDecimal) null)).isNull();
        assertThat(Money.ZERO).hasToString("0.00");
    }

    @Test
    void lineTotalsAndSumsStayAtScaleTwo() {
        assertThat(Money.times(new BigDecimal("19.99"), 3)).hasToString("59.97");
        assertThat(Money.times(new BigDecimal("35000"), 2)).hasToString("70000.00");
        assertThat(Money.sum(List.of(new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("70000")))).hasToString("70000.30");
        assertThat(Money.sum(List.of())).isEqualTo(Money.ZERO).hasToString("0.00");
    }
}
