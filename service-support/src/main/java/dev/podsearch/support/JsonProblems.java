package dev.podsearch.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON body that cannot be read, as a 400 problem saying what was wrong and where: {@code line} and {@code column}
 * in the body, and {@code parameter}, the field whose value has the wrong type (or {@code body} when the text is not
 * JSON at all).
 */
public final class JsonProblems {

    private JsonProblems() {}

    /** The first JSON processing error in this cause chain, or null. */
    public static JsonProcessingException find(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    public static Problem of(JsonProcessingException error) {
        String field = field(error);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("parameter", field == null ? "body" : field);
        JsonLocation location = error.getLocation();
        String where = "";
        if (location != null && location.getLineNr() > 0) {
            extensions.put("line", location.getLineNr());
            extensions.put("column", location.getColumnNr());
            where = " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        String detail;
        if (error instanceof MismatchedInputException mismatched) {
            // its own message names Java classes: say what JSON was expected instead
            String expected = expected(mismatched.getTargetType());
            detail = (field == null ? "the body" : "the body's field '" + field + "'") + " must be " + expected + where;
        } else if (error instanceof DatabindException) {
            detail = (field == null ? "the body" : "the body's field '" + field + "'") + " has a value that cannot be"
                    + " used" + where;
        } else {
            String message = error.getOriginalMessage() == null ? "" : ": " + firstLine(error.getOriginalMessage());
            detail = "the body is not valid JSON" + where + message;
        }
        return Problem.of(400, "invalid-json", "Invalid JSON body", detail, extensions);
    }

    /** The JSON a Java type is read from, in a client's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** The dotted path of the field being read (items[2].name), or null when the error is in the text itself. */
    private static String field(JsonProcessingException error) {
        if (!(error instanceof DatabindException mapping) || !(mapping instanceof JsonMappingException refs)) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : refs.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
