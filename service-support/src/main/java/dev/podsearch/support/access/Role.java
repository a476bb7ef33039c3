package dev.podsearch.support.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a key may do. Each role includes the ones below it: an {@code admin} key also uploads and searches, an
 * {@code ingest} key also keeps alerts and searches where search needs a key ({@code query.require-key=true}), an
 * {@code alerts} key keeps saved searches (alerts) and searches, and uploads nothing.
 */
public enum Role {
    READ(Set.of(Role.READ_NAME)),
    ALERTS(Set.of(Role.READ_NAME, Role.ALERTS_NAME)),
    INGEST(Set.of(Role.READ_NAME, Role.ALERTS_NAME, Role.INGEST_NAME)),
    ADMIN(Set.of(Role.READ_NAME, Role.ALERTS_NAME, Role.INGEST_NAME, Role.ADMIN_NAME));

    /** The names {@code @RolesAllowed} uses. */
    public static final String READ_NAME = "read";

    public static final String ALERTS_NAME = "alerts";
    public static final String INGEST_NAME = "ingest";
    public static final String ADMIN_NAME = "admin";

    private final Set<String> grants;

    Role(Set<String> grants) {
        this.grants = grants;
    }

    /** The role names a key of this role holds. */
    public Set<String> grants() {
        return grants;
    }

    /** The name clients see and send: read, alerts, ingest or admin. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
