package dev.portal.device.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.portal.device.firmware.Ed25519Keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields from one JSON object, writing a problem line (with the field's path) into a shared list
 * instead of stopping at the first one, so the operator sees every mistake in a single run.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    JsonFields(JsonNode node, String path, List<String> problems) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.problems = problems;
        if (!this.node.isMissingNode() && !this.node.isObject()) {
            problems.add(where("") + " must be an object");
        }
    }

    private String where(String field) {
        return path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
    }

    void rejectUnknown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problems.add(where(f) + ": unknown setting (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    JsonFields object(String field) {
        return new JsonFields(node.get(field), where(field), problems);
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    String where(String field, int index) {
        return where(field) + "[" + index + "]";
    }

    List<String> problems() {
        return problems;
    }

    Optional<String> optText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            problems.add(where(field) + " must be a string");
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    String text(String field, String fallback, boolean required) {
        Optional<String> v = optText(field);
        if (v.isEmpty() && required && node.get(field) == null) {
            problems.add(where(field) + " is required");
        }
        return v.orElse(fallback);
    }

    long number(String field, long fallback, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            problems.add(where(field) + " must be a whole number, not " + v);
            return fallback;
        }
        long n = v.asLong();
        if (n < min || n > max) {
            problems.add(where(field) + " must be " + min + ".." + max + ", not " + n);
            return fallback;
        }
        return n;
    }

    int integer(String field, int fallback, int min, int max) {
        return (int) number(field, fallback, min, max);
    }

    /**
     * The Ed25519 public key (PEM) in the file this field names, relative to {@code base}: read now, so a missing
     * or damaged file is a config problem at start, not a surprise later. {@code makeWith} tells how to make one.
     */
    Optional<PublicKey> ed25519KeyFile(String field, Path base, String makeWith) {
        Optional<Path> file = optText(field).map(base::resolve);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path p = file.get();
        if (!Files.isReadable(p)) {
            problems.add(where(field) + ": cannot read " + p);
            return Optional.empty();
        }
        try {
            return Optional.of(Ed25519Keys.readPublic(p));
        } catch (IOException e) {
            problems.add(where(field) + ": cannot read " + p + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            problems.add(where(field) + ": " + p + " is not an Ed25519 public key in PEM (make one with '" + makeWith
                    + "'): " + e.getMessage());
        }
        return Optional.empty();
    }
}
