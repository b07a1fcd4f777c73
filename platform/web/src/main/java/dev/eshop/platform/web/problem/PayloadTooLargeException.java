package dev.eshop.platform.web.problem;

/** 413 {@code payload-too-large}: the body or upload is above the limit, given as {@code max_bytes}. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long maxBytes) {
        this(maxBytes, "The upload is larger than the limit of " + maxBytes + " bytes.");
    }

    public PayloadTooLargeException(long maxBytes, String detail) {
        super(ProblemType.PAYLOAD_TOO_LARGE, detail);
        with("max_bytes", maxBytes);
    }
}
