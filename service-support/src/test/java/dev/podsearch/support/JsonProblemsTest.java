package dev.podsearch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unreadable JSON body is a 400 problem saying where it broke and which field was wrong. */
class JsonProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record NewKey(String name, List<String> records) {}

    @Test
    void textThatIsNotJsonNamesTheBodyAndTheLineAndColumn() {
        JsonProcessingException error = assertThrows(
                JsonProcessingException.class, () -> JSON.readValue("{\"name\": \"x\",\n \"role\": }", NewKey.class));
        // as the REST layer hands it over: wrapped in a 400
        Problem problem = ProblemMapper.toProblem(new WebApplicationException(error, 400));
        assertEquals("https://podsearch.dev/problems/invalid-json", problem.type());
        assertEquals(400, problem.status());
        assertEquals("body", problem.extensions().get("parameter"));
        assertEquals(2, problem.extensions().get("line"));
        assertTrue(problem.detail().startsWith("the body is not valid JSON (line 2, column "), problem.detail());
    }

    @Test
    void jsonOfTheWrongShapeSaysWhatWasExpectedWithoutJavaNames() {
        JsonProcessingException error =
                assertThrows(JsonProcessingException.class, () -> JSON.readValue("[1, 2]", NewKey.class));
        Problem problem = JsonProblems.of(error);
        assertEquals("body", problem.extensions().get("parameter"));
        assertEquals("the body must be an object (line 1, column 1)", problem.detail());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithItsPath() {
        JsonProcessingException error = assertThrows(
                JsonProcessingException.class,
                () -> JSON.readValue("{\"records\": [\"0@1\", {\"a\": 1}]}", NewKey.class));
        Problem problem = JsonProblems.of(error);
        assertEquals("records[1]", problem.extensions().get("parameter"));
        assertTrue(
                problem.detail().startsWith("the body's field 'records[1]' must be a string (line 1, column "),
                problem.detail());
    }
}
