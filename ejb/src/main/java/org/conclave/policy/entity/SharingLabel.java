package org.conclave.policy.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * FIRST Traffic Light Protocol 2.0 label of a meeting: who its participants may share what they learn with.
 * {@code AMBER+STRICT} and {@code RED} keep a meeting inside the host's organisation.
 */
public enum SharingLabel {
    CLEAR("CLEAR", true),
    GREEN("GREEN", true),
    AMBER("AMBER", true),
    AMBER_STRICT("AMBER+STRICT", false),
    RED("RED", false);

    private static final String PREFIX = "TLP:";

    private final String wireName;
    private final boolean otherOrganisations;

    SharingLabel(String wireName, boolean otherOrganisations) {
        this.wireName = wireName;
        this.otherOrganisations = otherOrganisations;
    }

    /** In JSON and the database: {@code CLEAR}, {@code GREEN}, {@code AMBER}, {@code AMBER+STRICT}, {@code RED}. */
    public String wireName() {
        return wireName;
    }

    /** The label as shown to participants, e.g. {@code TLP:AMBER+STRICT}. */
    public String displayName() {
        return PREFIX + wireName;
    }

    /** Whether participants from another organisation may be invited to a meeting carrying this label. */
    public boolean allowsOtherOrganisations() {
        return otherOrganisations;
    }

    /**
     * The label with this wire name, ignoring case and surrounding blanks; the {@code TLP:} prefix is optional
     * ({@code "amber+strict"}, {@code "TLP:RED"}).
     */
    public static Optional<SharingLabel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith(PREFIX)) {
            name = name.substring(PREFIX.length());
        }
        String wanted = name;
        return Arrays.stream(values()).filter(l -> l.wireName.equals(wanted)).findFirst();
    }
}
