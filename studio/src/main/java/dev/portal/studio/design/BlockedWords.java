package dev.portal.studio.design;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words a toy's name may not contain. Names are compared after folding what people use to slip a word past a
 * filter: accents and full-width forms (NFKD, marks dropped), case, digits and symbols standing for letters
 * (0 for o, 4 and @ for a...), and anything between the letters (spaces, dots, repeated letters).
 */
public final class BlockedWords {
    private final List<String> words;

    private BlockedWords(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The list shipped in the jar ({@code studio/blocked-words.txt}: one word a line, # starts a comment). */
    public static BlockedWords standard() {
        try (InputStream in = BlockedWords.class.getResourceAsStream("/studio/blocked-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("studio/blocked-words.txt is missing from the jar");
            }
            return of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BlockedWords of(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            String word = fold(line.replaceFirst("#.*", ""));
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return new BlockedWords(words);
    }

    /** The blocked word {@code name} contains (folded), or empty. */
    public Optional<String> find(String name) {
        String folded = fold(name);
        return words.stream().filter(folded::contains).findFirst();
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = switch (decomposed.charAt(i)) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '8' -> 'b';
                case '9' -> 'g';
                default -> decomposed.charAt(i);
            };
            if (c >= 'a' && c <= 'z' && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
