package dev.eshop.shippingcost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The shipping-cost service: one stateless function, {@code shippingCost}, served over HTTP by this
 * application and run on AWS Lambda by Spring Cloud Function's {@code FunctionInvoker}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShippingCostApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShippingCostApplication.class, args);
    }
}
