package dev.eshop.storefront.checkout;

import dev.eshop.storefront.cart.Carts;
import dev.eshop.storefront.order.OrderDetail;

import java.util.Map;

/** The delivery address as the checkout form holds it; values as typed, so a refused form shows them again. */
record AddressForm(String street, String city, String state, String zipCode, String note) {

    /** The JSON paths of checkout and quote problems, and the form fields they are about. */
    static final Map<String, String> FIELDS = Map.of("address.street", "street", "address.city", "city", "address.state", "state",
            "address.zip_code", "zip_code", "zip_code", "zip_code", "address.note", "note");

    /** The labels of the fields, which start the messages about them. */
    static final Map<String, String> LABELS = Map.of("street", "Street", "city", "City", "state", "State", "zip_code", "Zip code",
            "note", "Delivery note");

    static AddressForm empty() {
        return new AddressForm("", "", "", "", "");
    }

    static AddressForm from(Map<String, String> form) {
        return new AddressForm(value(form, "street"), value(form, "city"), value(form, "state"), value(form, "zip_code"),
                value(form, "note"));
    }

    /** The address of an earlier order, to start from. */
    static AddressForm of(OrderDetail.Address address) {
        return new AddressForm(orEmpty(address.street()), orEmpty(address.city()), orEmpty(address.state()),
                orEmpty(address.zipCode()), orEmpty(address.note()));
    }

    /** Whether the zip code looks like one (5 digits) and is worth a quote. */
    boolean hasZipCode() {
        return zipCode.matches("[0-9]{5}");
    }

    Carts.Address toAddress() {
        return new Carts.Address(street.strip(), city.strip(), state.strip(), zipCode.strip(), note.isBlank() ? null : note.strip());
    }

    private static String value(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
