package dev.podsearch.events;

/**
 * One timed line of a transcript.
 *
 * @param startMs start offset in milliseconds, null for transcripts without times
 * @param endMs end offset in milliseconds (the next segment's start), null when unknown
 * @param speaker who speaks, null when unknown
 * @param text what is said, plain text
 */
public record Segment(Long startMs, Long endMs, String speaker, String text) {}
