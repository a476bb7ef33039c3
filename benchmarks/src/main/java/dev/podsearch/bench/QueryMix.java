package dev.podsearch.bench;

import dev.podsearch.query.search.EngineRequests;
import dev.podsearch.query.search.SearchParameters;
import dev.podsearch.query.search.UserQuery;
import dev.podsearch.search.Indices;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;

/**
 * The query benchmark's requests: a fixed mix of searches (plain words, phrases, exclusions, OR, prefixes, filters,
 * facets, flat moments, date order) to {@code /v1/search} in a given mode or, as the very request bodies the service
 * builds for a keyword search, straight to OpenSearch; typeahead prefixes; and searches never asked before.
 */
final class QueryMix {

    static final List<Map<String, String>> SEARCHES = List.of(
            Map.of("q", "model"),
            Map.of("q", "deep seek"),
            Map.of("q", "\"open source\""),
            Map.of("q", "chips -china"),
            Map.of("q", "robot OR agent"),
            Map.of("q", "train*"),
            Map.of("q", "nvidia", "show", "Tech Wire"),
            Map.of("q", "energy", "facets", "show,year"),
            Map.of("q", "lighthouse keeper", "group", "moment"),
            Map.of("q", "market", "sort", "date"),
            Map.of("q", "benchmark inference", "facets", "show"),
            Map.of("q", "glacier river night"),
            Map.of("q", "pricing", "moments", "5"),
            Map.of("q", "regulation policy", "group", "moment", "size", "20"));

    private static final List<String> TYPED = List.of(
            "d", "de", "dee", "deep", "deep s", "mo", "mod", "mode", "model", "ch", "chi", "chip", "rob", "robo", "ag",
            "agen", "tra", "trai", "train", "tec", "tech", "tech w", "lig", "light", "ope", "open", "open s");

    /** Content words of the generated corpus, paired into searches the service has not seen. */
    private static final String[] WORDS = ("model chips export china data center robot agent training open source"
                    + " benchmark inference deep seek nvidia huawei meta google anthropic openai cursor tokens pricing"
                    + " compute energy lighthouse keeper fog horn orchard glacier market dumplings broth river night"
                    + " ocean winter interesting weird huge tiny cheap expensive fast slow week episode story question"
                    + " answer listeners government policy filing stock trade regulation lab researchers paper release"
                    + " launch")
            .split(" ");

    private QueryMix() {}

    /** The mix to {@code /v1/search?mode=<mode>}. */
    static List<Call> service(String url, String mode) {
        return SEARCHES.stream()
                .map(params -> Call.get(url + "/v1/search?mode=" + mode + "&" + queryString(params)))
                .toList();
    }

    /** The mix straight to OpenSearch, as the bodies a keyword search of the service sends. */
    static List<Call> direct(String opensearch) {
        return SEARCHES.stream()
                .map(params -> Call.post(opensearch + "/" + Indices.MOMENTS + "/_search", engineBody(params)))
                .toList();
    }

    static List<Call> suggest(String url) {
        return TYPED.stream()
                .map(t -> Call.get(url + "/v1/suggest?q=" + URLEncoder.encode(t, StandardCharsets.UTF_8)))
                .toList();
    }

    /**
     * {@code count} two-word searches that are in no other list: the {@code skip} first of a fixed shuffle of all word
     * pairs are left out, so warm-up and measurement never share one (nor share one with the mix).
     */
    static List<String> fresh(int skip, int count) {
        Set<String> mix = SEARCHES.stream().map(p -> p.get("q")).collect(Collectors.toSet());
        List<String> pairs = new ArrayList<>();
        for (String a : WORDS) {
            for (String b : WORDS) {
                if (!a.equals(b) && !mix.contains(a + " " + b)) {
                    pairs.add(a + " " + b);
                }
            }
        }
        Collections.shuffle(pairs, new Random(7));
        return pairs.subList(skip, skip + count);
    }

    /** Searches of these words to {@code /v1/search?mode=<mode>}. */
    static List<Call> words(String url, String mode, List<String> texts) {
        return texts.stream()
                .map(t -> Call.get(
                        url + "/v1/search?mode=" + mode + "&q=" + URLEncoder.encode(t, StandardCharsets.UTF_8)))
                .toList();
    }

    /** The body /v1/search would send OpenSearch for these parameters (parsed as SearchResource parses them). */
    private static byte[] engineBody(Map<String, String> params) {
        SearchParameters request = new SearchParameters(
                UserQuery.parse(params.get("q")),
                params.containsKey("show") ? List.of(params.get("show")) : List.of(),
                null,
                null,
                null,
                null,
                null,
                SearchParameters.Group.valueOf(
                        params.getOrDefault("group", "episode").toUpperCase(Locale.ROOT)),
                SearchParameters.Sort.valueOf(
                        params.getOrDefault("sort", "relevance").toUpperCase(Locale.ROOT)),
                facets(params.get("facets")),
                SearchParameters.Mode.KEYWORD,
                Integer.parseInt(params.getOrDefault("size", "10")),
                Integer.parseInt(params.getOrDefault("moments", "3")),
                SearchParameters.MomentOrder.RELEVANCE,
                null);
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            EngineRequests.keyword(request, null, System.currentTimeMillis()).serialize(generator, mapper);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Set<SearchParameters.Facet> facets(String value) {
        Set<SearchParameters.Facet> facets = EnumSet.noneOf(SearchParameters.Facet.class);
        if (value != null) {
            for (String name : value.split(",")) {
                facets.add(SearchParameters.Facet.valueOf(name.toUpperCase(Locale.ROOT)));
            }
        }
        return facets;
    }

    private static String queryString(Map<String, String> params) {
        // a fixed order of the parameters, so every run sends the same URLs
        return params.keySet().stream()
                .sorted()
                .map(k -> k + "=" + URLEncoder.encode(params.get(k), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
