package dev.eshop.platform.web.problem;

/** 404 {@code not-found}: the id names nothing this caller may see. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }

    /** E.g. {@code new NotFoundException("product", id)}: "No product with id … exists." */
    public NotFoundException(String resource, Object id) {
        this("No " + resource + " with id " + id + " exists.");
    }
}
