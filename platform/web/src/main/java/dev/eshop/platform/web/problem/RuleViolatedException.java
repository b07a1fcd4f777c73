package dev.eshop.platform.web.problem;

/** 422 {@code rule-violated}: a business rule forbids the request; {@code rule} is its code (listed per endpoint). */
public class RuleViolatedException extends ProblemException {

    public RuleViolatedException(String rule, String detail) {
        super(ProblemType.RULE_VIOLATED, detail);
        with("rule", rule);
    }
}
