package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field of a cursor a client sends back is checked: whatever it holds, the answer is a 400 naming cursor. */
class CursorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEARCH = "abc";

    private static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorThisServiceIssuedDecodesToItself() {
        Cursor offset = new Cursor(Cursor.VERSION, SEARCH, 1_700_000_000_000L, 20, null);
        assertEquals(offset, Cursor.decode(JSON, offset.encode(JSON), SEARCH));
        Cursor after = new Cursor(Cursor.VERSION, SEARCH, 1L, null, List.of(1.5, "ep-1", 3L));
        assertEquals(after, Cursor.decode(JSON, after.encode(JSON), SEARCH));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "[]",
                "\"text\"",
                "42",
                "{}",
                "{\"v\":1,\"asOf\":1,\"from\":0}",
                "{\"v\":1,\"search\":\"abc\",\"from\":0}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"from\":-5}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"from\":2147483647}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"from\":99999999999999999999}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"from\":1.5}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"from\":\"10\"}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":-1,\"from\":0}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":\"now\",\"from\":0}",
                "{\"v\":1,\"search\":123,\"asOf\":1,\"from\":0}",
                "{\"v\":\"1\",\"search\":\"abc\",\"asOf\":1,\"from\":0}",
                "{\"v\":2,\"search\":\"abc\",\"asOf\":1,\"from\":0}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"from\":0,\"after\":[1]}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"after\":[]}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"after\":[null,1]}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"after\":[{\"a\":1}]}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"after\":[1,2,3,4,5]}",
                "{\"v\":1,\"search\":\"abc\",\"asOf\":1,\"after\":\"x\"}",
                "{\"v\":1,\"search\":\"other\",\"asOf\":1,\"from\":0}",
                "{\"v\":1,",
            })
    void anythingElseIsABadCursorParameter(String json) {
        ProblemException refused =
                assertThrows(ProblemException.class, () -> Cursor.decode(JSON, encoded(json), SEARCH));
        assertEquals(400, refused.problem().status());
        assertEquals("cursor", refused.problem().extensions().get("parameter"));
        assertTrue(
                refused.problem().detail().contains("start again without it"),
                refused.problem().detail());
    }

    @Test
    void textThatIsNotBase64IsABadCursorParameter() {
        ProblemException refused =
                assertThrows(ProblemException.class, () -> Cursor.decode(JSON, "not a cursor!", SEARCH));
        assertEquals("cursor", refused.problem().extensions().get("parameter"));
    }
}
