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
            default -> {
                System.err.println("usage: ./podsearch bench ingest [--seconds 20] [--clients 8] [--kb 25]");
                System.exit("help".equals(name) ? 0 : 2);
            }
        }
        System.exit(0);
    }
}
