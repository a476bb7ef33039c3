package dev.podsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The query benchmark's mix is built before any engine is asked (issue #29: a run died after its 13-minute corpus
 * load, building the direct bodies, on a filter list the mix left null).
 */
class QueryMixTest {

    @Test
    void everySearchOfTheMixHasTheServicesEngineBody() throws Exception {
        List<Call> direct = QueryMix.direct("http://127.0.0.1:9200");
        List<Call> service = QueryMix.service("http://127.0.0.1:8080", "keyword");

        assertEquals(service.size(), direct.size());
        ObjectMapper json = new ObjectMapper();
        for (Call call : direct) {
            assertEquals("POST", call.request().method());
            assertTrue(
                    call.request().uri().getPath().endsWith("/_search"),
                    call.request().uri().toString());
            JsonNode body = json.readTree(body(call.request()));
            assertTrue(body.has("query"), body.toString());
        }
        for (Call call : service) {
            assertTrue(
                    call.request().uri().getQuery().contains("mode=keyword"),
                    call.request().uri().toString());
        }
    }

    private static byte[] body(HttpRequest request) throws InterruptedException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        done.await();
        return out.toByteArray();
    }
}
