package dev.eshop.warehouse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Warehouses, stock per warehouse and product, reservations for orders and the movements ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WarehouseApplication {

    public static void main(String[] args) {
        SpringApplication.run(WarehouseApplication.class, args);
    }
}
