package dev.eshop.platform.events.stock;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service for the tests: it changes stock, writes events through the outbox and consumes them. */
@SpringBootApplication
public class StockApplication {
}
