package dev.portal.protocol.tree;

import dev.portal.protocol.frame.Hex;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A JSON object being read: typed getters that name the field's path, and a check for unexpected keys. */
final class Node {
    private final Map<String, ?> map;
    private final String path;
    private final Set<String> used = new HashSet<>();

    Node(Map<String, ?> map, String path) {
        if (map == null) {
            throw new IllegalArgumentException((path.isEmpty() ? "frame" : path) + ": missing object");
        }
        this.map = map;
        this.path = path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        used.add(key);
        return map.get(key) != null;
    }

    Object raw(String key) {
        used.add(key);
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path(key) + ": missing");
        }
        return v;
    }

    long number(String key, long min, long max) {
        Object v = raw(key);
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof BigInteger b && b.bitLength() < 64) {
            n = b.longValue();
        } else {
            throw new IllegalArgumentException(path(key) + ": expected an integer " + min + ".." + max + ", got " + v);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(path(key) + ": must be " + min + ".." + max + ", got " + n);
        }
        return n;
    }

    int integer(String key) {
        return (int) number(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    long u32(String key) {
        return number(key, 0, 0xFFFF_FFFFL);
    }

    long u48(String key) {
        return number(key, 0, 0xFFFF_FFFF_FFFFL);
    }

    String text(String key) {
        Object v = raw(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(path(key) + ": expected a string, got " + v);
        }
        return s;
    }

    boolean bool(String key) {
        Object v = raw(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(path(key) + ": expected true or false, got " + v);
        }
        return b;
    }

    byte[] hex(String key) {
        try {
            return Hex.parse(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(key) + ": " + e.getMessage());
        }
    }

    int rgb(String key) {
        String s = text(key);
        if (!s.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException(path(key) + ": expected six hex digits RRGGBB, got \"" + s + "\"");
        }
        return Integer.parseInt(s, 16);
    }

    <E extends Enum<E>> E enumeration(String key, Class<E> type) {
        String s = text(key);
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Set<String> names = new TreeSet<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(path(key) + ": \"" + s + "\" is not one of " + names);
        }
    }

    Node object(String key) {
        Object v = raw(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(path(key) + ": expected an object, got " + v);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) m;
        return new Node(typed, path(key));
    }

    List<?> list(String key) {
        Object v = raw(key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(path(key) + ": expected a list, got " + v);
        }
        return l;
    }

    Node element(String key, int index, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(path(key) + "[" + index + "]: expected an object, got " + value);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) m;
        return new Node(typed, path(key) + "[" + index + "]");
    }

    Set<String> keys() {
        used.addAll(map.keySet());
        return map.keySet();
    }

    /** Refuses keys nobody asked for: a misspelt optional field must not vanish silently. */
    void done() {
        for (String k : map.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException(path(k) + ": unexpected field");
            }
        }
    }
}
