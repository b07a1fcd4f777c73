package dev.eshop.warehouse.stock;

/** Why units entered, moved within or left the warehouses: the kinds of ledger entries. */
public enum MovementType {
    /** A new product's first units, into the main warehouse. */
    INITIAL,
    /** An admin added units to a warehouse. */
    RESTOCK,
    /** An admin moved units from one warehouse to another. */
    TRANSFER,
    /** An order took units out of a warehouse. */
    RESERVE,
    /** An order's units went back to the warehouse they came from. */
    RELEASE
}
