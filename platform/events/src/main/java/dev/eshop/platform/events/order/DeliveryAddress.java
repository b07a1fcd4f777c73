package dev.eshop.platform.events.order;

import static dev.eshop.platform.events.EventFields.required;

public record DeliveryAddress(String street, String city, String state, String zipCode, String note) {

    public DeliveryAddress {
        required(street, "address.street");
        required(city, "address.city");
        required(state, "address.state");
        required(zipCode, "address.zip_code");
    }
}
