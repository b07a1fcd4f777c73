package dev.eshop.platform.web.problem;

/**
 * 409 {@code invalid-state}: the resource's current state does not allow the action. The member
 * {@code current_status} carries the status (an enum's name), or {@code null} when the resource has none.
 */
public class InvalidStateException extends ProblemException {

    public InvalidStateException(Object currentStatus, String detail) {
        super(ProblemType.INVALID_STATE, detail);
        with("current_status", currentStatus == null ? null : currentStatus instanceof Enum<?> e ? e.name() : currentStatus.toString());
    }
}
