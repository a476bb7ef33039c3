package dev.podsearch.embed;

import java.nio.file.Path;

/**
 * The DJL tokenizer unpacks its native library under {@code $HOME/.djl.ai} unless {@code DJL_CACHE_DIR} is set, which
 * fails on a read-only root filesystem: point it under the model cache directory unless the environment already does.
 */
final class NativeLibraries {

    private NativeLibraries() {}

    static void keepUnder(Path cacheDir) {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", cacheDir.resolve("djl").toString());
        }
    }
}
