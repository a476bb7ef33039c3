package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages under {@code docs/} (and {@code deploy/README.md}) link to files and headings that exist:
 * every relative link's file is in the repository, and its {@code #anchor}, if any, is a heading of that file as
 * GitHub makes anchors of headings.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$");

    static List<Path> pages() throws IOException {
        Path repo = Manifests.repo();
        List<Path> pages = new ArrayList<>(List.of(repo.resolve("README.md"), repo.resolve("deploy/README.md")));
        try (Stream<Path> docs = Files.list(repo.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("```")) {
                code = !code;
            }
            Matcher m = HEADING.matcher(line);
            if (!code && m.matches()) {
                anchors.add(anchor(m.group(1)));
            }
        }
        return anchors;
    }

    static List<String> brokenLinks(Path page) throws IOException {
        List<String> broken = new ArrayList<>();
        boolean code = false;
        int number = 0;
        for (String line : Files.readAllLines(page)) {
            number++;
            if (line.startsWith("```")) {
                code = !code;
            }
            if (code) {
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) { // https:, mailto:
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved =
                        file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = Manifests.repo().relativize(page) + ":" + number + ": " + target;
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (fragment != null
                        && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(fragment)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        return broken;
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            broken.addAll(brokenLinks(page));
        }
        assertTrue(broken.isEmpty(), "broken links:\n  " + String.join("\n  ", broken));
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertEquals("ingest-uploadss-and-outbox-publish-lag", anchor("Ingest: uploads/s and outbox publish lag"));
        assertEquals("the-local-stack", anchor("The local stack"));
        assertEquals("query-service-8080", anchor("`query-service` (8080)"));
    }

    @Test
    void aBrokenLinkIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "# Title\n\nSee [here](missing.md) and [there](page.md#nowhere) and [ok](#title).\n");
        List<String> broken = brokenLinks(page);
        assertEquals(2, broken.size(), broken.toString());
        assertTrue(broken.get(0).contains("missing.md (no such file)"));
        assertTrue(broken.get(1).contains("page.md#nowhere (no such heading)"));
    }
}
