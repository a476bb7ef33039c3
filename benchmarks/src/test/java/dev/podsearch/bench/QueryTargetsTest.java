package dev.podsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTargetsTest {

    private static List<String> urls(List<Call> calls) {
        return calls.stream().map(call -> call.request().uri().toString()).toList();
    }

    @Test
    void oneInstanceAndOneNodeSendThePlainMix() {
        QueryTargets targets = QueryTargets.of(List.of("http://engine:1"), List.of("http://query:1"));

        assertEquals(urls(QueryMix.direct("http://engine:1")), urls(targets.direct()));
        assertEquals(urls(QueryMix.direct("http://engine:1")), urls(targets.direct16()));
        assertEquals(urls(QueryMix.service("http://query:1", "keyword")), urls(targets.keyword()));
        assertEquals(urls(QueryMix.suggest("http://query:1")), urls(targets.suggest()));
    }

    @Test
    void theInstancesAndNodesAreTakenInTurnSearchBySearch() {
        QueryTargets targets = QueryTargets.of(
                List.of("http://engine:1", "http://engine:2", "http://engine:3"),
                List.of("http://query:1", "http://query:2"));
        int searches = QueryMix.SEARCHES.size();

        List<String> keyword = urls(targets.keyword());
        assertEquals(2 * searches, keyword.size());
        assertEquals(urls(QueryMix.service("http://query:1", "keyword")).get(3), keyword.get(6));
        assertEquals(urls(QueryMix.service("http://query:2", "keyword")).get(3), keyword.get(7));
        List<String> direct16 = urls(targets.direct16());
        assertEquals(3 * searches, direct16.size());
        assertEquals(
                List.of("http://engine:1", "http://engine:2", "http://engine:3"),
                direct16.subList(3, 6).stream()
                        .map(url -> url.substring(0, url.indexOf('/', 7)))
                        .toList());
    }

    @Test
    void theEngineSideOfThePairsIsTheSameSearchAsTheServiceSide() {
        QueryTargets targets =
                QueryTargets.of(List.of("http://engine:1", "http://engine:2"), List.of("http://a:1", "http://b:1"));
        List<String> mix = urls(QueryMix.direct("http://engine:1"));

        List<String> direct = urls(targets.direct());
        assertEquals(targets.keyword().size(), direct.size());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(mix.get(i / 2), direct.get(i), "pair " + i);
        }
    }

    @Test
    void newSearchesGoEachOnceToTheInstancesInTurn() {
        QueryTargets targets = QueryTargets.of(List.of("http://engine:1"), List.of("http://a:1", "http://b:1"));

        List<String> calls = urls(targets.words("hybrid", List.of("one two", "three four", "five six")));

        assertEquals(
                List.of(
                        "http://a:1/v1/search?mode=hybrid&q=one+two",
                        "http://b:1/v1/search?mode=hybrid&q=three+four",
                        "http://a:1/v1/search?mode=hybrid&q=five+six"),
                calls);
    }
}
