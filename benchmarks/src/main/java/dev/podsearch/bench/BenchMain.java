package dev.podsearch.bench;

import java.util.Arrays;

/** {@code ./podsearch bench <name> [options]}: runs one benchmark and prints its figures. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "ingest" -> IngestBenchmark.run(Options.parse(rest));
            case "index" -> IndexBenchmark.run(Options.parse(rest));
            case "query" -> QueryBenchmark.run(Options.parse(rest));
            case "embed" -> EmbedBenchmark.run(Options.parse(rest));
            default -> {
                System.err.println(String.join(
                        "\n",
                        "usage: ./podsearch bench ingest [--seconds 20] [--clients 8] [--kb 25]",
                        "       ./podsearch bench index  [--episodes 300] [--kb 25] [--seconds 20]",
                        "       ./podsearch bench query  [--episodes 5000] [--kb 8] [--seconds 15]",
                        "       ./podsearch bench embed  [--passages 192]"));
                System.exit("help".equals(name) ? 0 : 2);
            }
        }
        System.exit(0);
    }
}
