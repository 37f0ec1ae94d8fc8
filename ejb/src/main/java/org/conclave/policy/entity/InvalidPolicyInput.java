package org.conclave.policy.entity;

import java.util.List;
import java.util.Map;
import org.conclave.platform.entity.Refusal;
import org.conclave.platform.entity.Rule;

/**
 * Policy settings that cannot be read: unknown keys, missing settings, wrong types, values out of range. Names every
 * problem at once; answered as {@code invalid-input} with the list in the {@code problems} member.
 */
public class InvalidPolicyInput extends Refusal {

    private static final long serialVersionUID = 1L;
    private static final int LONGEST_QUOTE = 60;

    private final List<String> problems;

    public InvalidPolicyInput(List<String> problems) {
        super(Rule.INVALID_INPUT, detail(problems), Map.of("problems", List.copyOf(problems)));
        this.problems = List.copyOf(problems);
    }

    private static String detail(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("invalid input names at least one problem");
        }
        return "The policy settings are not valid: " + String.join("; ", problems);
    }

    /** Human-readable problems, e.g. {@code 'passcode-min-length' must be an integer from 4 to 64}. */
    public List<String> problems() {
        return problems;
    }

    /** A name taken from the request, quoted for a message: shortened, control characters replaced. */
    static String quote(Object name) {
        if (name == null) {
            return "null";
        }
        String text = name.toString();
        if (text.length() > LONGEST_QUOTE) {
            text = text.substring(0, LONGEST_QUOTE) + "...";
        }
        StringBuilder quoted = new StringBuilder("'");
        text.codePoints().forEach(c -> quoted.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return quoted.append('\'').toString();
    }
}
