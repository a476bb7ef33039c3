package dev.podsearch.support.access;

/** What a valid key stands for: its public id, the name it was given, and its role. */
public record KeyOwner(String id, String name, Role role) {}
