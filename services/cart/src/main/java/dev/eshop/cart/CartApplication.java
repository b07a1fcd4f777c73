package dev.eshop.cart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Each customer's cart (Redis first, MySQL the durable copy), the local product copy it reads, and the start of checkout. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CartApplication {

    public static void main(String[] args) {
        SpringApplication.run(CartApplication.class, args);
    }
}
