package dev.eshop.platform.web.problem;

/** 403 {@code forbidden}: the caller is known but may not do this (wrong role, not the owner, disabled). */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
