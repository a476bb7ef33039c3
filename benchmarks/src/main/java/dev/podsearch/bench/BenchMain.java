package dev.podsearch.bench;

import dev.podsearch.bench.alerts.AlertsBenchmark;
import dev.podsearch.bench.relevance.RelevanceBenchmark;
import java.util.Arrays;

/** {@code ./podsearch bench <name> [options]}: runs one benchmark and prints its figures. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "ingest" -> IngestBenchmark.run(Options.parse(rest).withoutFlags(name));
            case "index" -> IndexBenchmark.run(Options.parse(rest));
            case "query" -> QueryBenchmark.run(Options.parse(rest));
            case "embed" -> EmbedBenchmark.run(Options.parse(rest).withoutFlags(name));
            case "relevance" ->
                RelevanceBenchmark.run(
                        Options.repo(), Options.parse(rest).withoutFlags(name).values());
            case "alerts" ->
                AlertsBenchmark.run(
                        Options.repo(), Options.parse(rest).withoutFlags(name).values());
            default -> {
                System.err.println(String.join(
                        "\n",
                        "usage: ./podsearch bench ingest [--seconds 20] [--clients 8] [--kb 25]",
                        "       ./podsearch bench index  [--cluster] [--episodes 1000] [--kb 25] [--seconds 30]",
                        "       ./podsearch bench query  [--cluster] [--episodes 5000; 1000 with --cluster] [--kb 8]"
                                + " [--seconds 15] [--vectors true]",
                        "       (--cluster: 3 Kafka brokers, replication factor 3, min ISR 2; 3 OpenSearch nodes, one"
                                + " replica per shard;",
                        "        2 instances of the service; beside the engine baseline on the same cluster. On two"
                                + " cores it is not faster:",
                        "        the figures are the ratio to the engine and that nothing breaks)",
                        "       ./podsearch bench embed  [--passages 192]",
                        "       ./podsearch bench relevance [--modes keyword,semantic,hybrid] [--embed-timeout 600]"
                                + " [--corpus DIR] [--queries FILE] [--ingest URL --query URL [--key FILE]]",
                        "       ./podsearch bench alerts [--alerts 10000] [--episodes 200] [--rate 2] [--backlog 300]"
                                + " [--warm 40] [--mentions 5] [--minutes 20] [--clients 24] [--pool 24]"));
                System.exit("help".equals(name) ? 0 : 2);
            }
        }
        System.exit(0);
    }
}
