package dev.eshop.salesreport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Records every sold order line from {@code sale-created} and answers sales questions for admins. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SalesReportApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesReportApplication.class, args);
    }
}
