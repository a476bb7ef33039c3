package dev.podsearch.search;

/**
 * The aliases searches and writes go through. Each points at a versioned index ({@code moments-v1}, ...), so a new
 * mapping can be built beside the old one and swapped in.
 */
public final class Indices {

    /** One document per moment of an episode: {@link MomentDocument}. */
    public static final String MOMENTS = "moments";

    /** One document per episode: {@link EpisodeDocument}. */
    public static final String EPISODES = "episodes";

    private Indices() {}

    /** The id of a moment: episode id and the moment's ordinal, so a redelivery overwrites instead of duplicating. */
    public static String momentId(String episodeId, int ordinal) {
        return episodeId + ":" + ordinal;
    }
}
