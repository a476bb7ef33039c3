package dev.podsearch.chaos;

import java.nio.file.Path;

/** {@code ./podsearch chaos [--minutes N] [--faults N] [--seed N] ...}: one crash test; exit 0 only when it passed. */
public final class ChaosMain {

    private ChaosMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help"))) {
            System.out.println(ChaosOptions.USAGE);
            System.exit(0);
        }
        Path repo = Path.of(System.getProperty("podsearch.repo", "."))
                .toAbsolutePath()
                .normalize();
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args, repo.resolve("chaos/target/run"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ChaosReport report = ChaosRun.run(repo, options);
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
