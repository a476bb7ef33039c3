package dev.podsearch.testing.fuzz;

import java.util.List;
import java.util.Random;

/** Values chosen to break parameter handling: boundaries, overflow, wrong types, empty, unicode, markup, length. */
final class HostileValues {

    static final List<String> TEXT = List.of(
            "",
            " ",
            "0",
            "1",
            "-1",
            "-5",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999",
            "1e309",
            "1.5",
            "NaN",
            "Infinity",
            "null",
            "true",
            "[]",
            "{}",
            "{\"v\":1}",
            "bnVsbA",
            "eyJ2IjoxLCJzZWFyY2giOm51bGwsImFzT2YiOi0xLCJmcm9tIjotNX0",
            "%",
            "%00",
            "\u0000",
            "\t\n",
            "ñandú 日本語 🎉 \u202Eevil",
            "\uFFFF\uE000\uE001",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "../../etc/passwd",
            "a,b,,c,",
            "1899-12-31",
            "2026-13-45",
            "9999-12-31T23:59:59Z",
            "+999999999-12-31",
            "*",
            "\"unbalanced",
            "x".repeat(501),
            "word ".repeat(120));

    static final List<String> MALFORMED_JSON = List.of(
            "{",
            "{\"name\":",
            "[1,2",
            "not json",
            "{\"a\":1}}",
            "\u0000",
            "null",
            "[]",
            "123",
            "\"text\"",
            "{'a':1}",
            "{\"records\": [\"0@x\"]}",
            "{\"name\": \"" + "y".repeat(100_000) + "\"}");

    private HostileValues() {}

    /** A hostile value, or (one time in four) the documented example, so that later checks are reached too. */
    static String text(Random random, String example) {
        if (example != null && random.nextInt(4) == 0) {
            return example;
        }
        return TEXT.get(random.nextInt(TEXT.size()));
    }

    /** A JSON value of any type, often not the one the schema wants. */
    static Object json(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> new java.math.BigInteger("9".repeat(40));
            case 4 -> List.of(TEXT.get(random.nextInt(TEXT.size())), 1);
            case 5 -> java.util.Map.of("nested", TEXT.get(random.nextInt(TEXT.size())));
            case 6 -> "z".repeat(10_000);
            default -> TEXT.get(random.nextInt(TEXT.size()));
        };
    }
}
