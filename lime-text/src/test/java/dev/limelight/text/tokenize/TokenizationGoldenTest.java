package dev.limelight.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Tokenizer} and {@link IndexedText} against the reference's {@code IndexedString} and
 * {@code IndexedCharacters} on every case of src/test/resources/golden/extras_text_tokenization.json
 * (lime 0.2.0.1): tokens, vocabulary, positions, offsets, feature count and
 * {@code inverse_removing}, Unicode and the empty text included.
 */
class TokenizationGoldenTest {

    private static JsonNode golden() throws IOException {
        try (InputStream in = TokenizationGoldenTest.class.getResourceAsStream("/golden/extras_text_tokenization.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theGoldenFileHoldsTheWordAndCharacterCases() throws IOException {
        JsonNode golden = golden();
        assertEquals(14, golden.get("word_level").size());
        assertEquals(2, golden.get("char_level").size());
    }

    @TestFactory
    Stream<DynamicTest> everyWordLevelCaseMatchesTheReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden().get("word_level")) {
            String raw = c.get("raw").asText();
            boolean bow = c.get("bow").asBoolean();
            Tokenizer.Builder builder = Tokenizer.builder().bagOfWords(bow).split(c.get("split_expression").asText());
            if (!c.get("mask_string").isNull()) {
                builder.maskString(c.get("mask_string").asText());
            }
            Tokenizer tokenizer = builder.build();
            String name = (bow ? "bow " : "positional ") + "split " + c.get("split_expression").asText()
                    + (c.get("mask_string").isNull() ? "" : " mask " + c.get("mask_string").asText()) + ": \""
                    + raw + "\"";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                IndexedText text = tokenizer.tokenize(raw);
                assertEquals(strings(c.get("as_list")), text.tokens(), "as_list");
                assertEquals(String.join("", text.tokens()), raw, "the tokens rebuild the text");
                assertEquals(strings(c.get("inverse_vocab")), text.words(), "inverse_vocab");
                assertEquals(c.get("num_words").asInt(), text.featureCount(), "num_words");
                assertArrayEquals(ints(c.get("string_start")), text.tokenStarts(), "string_start");
                for (int f = 0; f < text.featureCount(); f++) {
                    JsonNode p = c.get("positions").get(f);
                    int[] expected = bow ? ints(p) : new int[] {p.asInt()};
                    assertArrayEquals(expected, text.positions(f), "positions[" + f + "]");
                    assertArrayEquals(ints(c.get("string_position").get(Integer.toString(f))),
                            text.stringPositions(f), "string_position(" + f + ")");
                }
                assertEquals(text.featureCount(), c.get("positions").size(), "no extra positions");
                assertEquals(text.featureCount(), c.get("string_position").size(), "no extra string positions");
                for (JsonNode r : c.get("inverse_removing")) {
                    int[] remove = ints(r.get("remove"));
                    if (r.has("error")) {
                        assertTrue(r.get("error").asText().startsWith("IndexError"), "the reference raised");
                        assertThrows(IllegalStateException.class, () -> text.inverseRemoving(remove),
                                "inverse_removing " + r.get("remove") + " fails as the reference's");
                    } else {
                        assertEquals(r.get("result").asText(), text.inverseRemoving(remove),
                                "inverse_removing " + r.get("remove"));
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCharacterLevelCaseMatchesTheReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden().get("char_level")) {
            assertTrue(c.get("char_level").asBoolean());
            String raw = c.get("raw").asText();
            boolean bow = c.get("bow").asBoolean();
            Tokenizer tokenizer = Tokenizer.builder().characterLevel(true).bagOfWords(bow).build();
            tests.add(DynamicTest.dynamicTest((bow ? "bow" : "positional") + " characters: \"" + raw + "\"", () -> {
                IndexedText text = tokenizer.tokenize(raw);
                assertEquals(strings(c.get("inverse_vocab")), text.words(), "inverse_vocab");
                assertEquals(c.get("num_words").asInt(), text.featureCount(), "num_words");
                for (int f = 0; f < text.featureCount(); f++) {
                    JsonNode p = c.get("positions").get(f);
                    assertArrayEquals(bow ? ints(p) : new int[] {p.asInt()}, text.positions(f), "positions[" + f + "]");
                }
                for (JsonNode r : c.get("inverse_removing")) {
                    assertEquals(r.get("result").asText(), text.inverseRemoving(ints(r.get("remove"))),
                            "inverse_removing " + r.get("remove"));
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void aCombiningAccentSeparatesAsInPythonAndUnlikeJavasUnicodeWordClass() throws IOException {
        String raw = "combining e\u0301 accent";
        IndexedText text = Tokenizer.defaults().tokenize(raw);
        assertEquals(List.of("combining", " ", "e", "\u0301 ", "accent"), text.tokens());
        assertEquals(List.of("combining", "e", "accent"), text.words());
        // What the two Java readings of \W would have given instead:
        assertEquals(List.of("combining", " ", "e\u0301", " ", "accent"),
                SplitExpression.java(java.util.regex.Pattern.compile("\\W+",
                        java.util.regex.Pattern.UNICODE_CHARACTER_CLASS)).split(raw));
        assertFalse(SplitExpression.java(java.util.regex.Pattern.compile("\\W+")).split("Café").size() == 1,
                "ASCII \\W splits Café");
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
