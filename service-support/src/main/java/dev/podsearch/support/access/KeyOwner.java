package dev.podsearch.support.access;

import java.util.Optional;

/** What a valid key stands for: its public id, the name it was given, its role, and its own rate if it has one. */
public record KeyOwner(String id, String name, Role role, Optional<Quota> quota) {

    public KeyOwner(String id, String name, Role role) {
        this(id, name, role, Optional.empty());
    }
}
