package dev.portal.link;

import java.util.List;
import java.util.Objects;

/** A subscription filter: {@code +} matches one level, a final {@code #} the rest (MQTT 3.1.1, 4.7). */
public record TopicFilter(String value) {
    private static final String SHARE = "$share/";

    public TopicFilter {
        Objects.requireNonNull(value, "filter");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a topic filter is never empty");
        }
        List<String> levels = List.of(value.split("/", -1));
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            boolean wild = level.equals("+") || level.equals("#");
            if (!wild && (level.indexOf('+') >= 0 || level.indexOf('#') >= 0)) {
                throw new IllegalArgumentException("a wildcard must fill a whole level: " + value);
            }
            if (level.equals("#") && i != levels.size() - 1) {
                throw new IllegalArgumentException("# is only allowed as the last level: " + value);
            }
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("a topic filter may not contain U+0000");
        }
    }

    public static TopicFilter of(String value) {
        return new TopicFilter(value);
    }

    /** The filter that matches exactly this topic. */
    public static TopicFilter exactly(Topic topic) {
        return new TopicFilter(topic.value());
    }

    /**
     * A shared subscription {@code $share/GROUP/filter}: the broker hands each message to one member of the
     * group. It matches the topics {@code filter} matches.
     */
    public static TopicFilter shared(String group, TopicFilter filter) {
        if (group.isEmpty() || group.contains("/") || group.contains("+") || group.contains("#")) {
            throw new IllegalArgumentException("not a share group name: " + group);
        }
        return new TopicFilter(SHARE + group + "/" + filter.value);
    }

    public boolean matches(Topic topic) {
        String[] f = matchedPart().split("/", -1);
        String[] t = topic.value().split("/", -1);
        if (topic.value().startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
            return false; // MQTT 4.7.2: wildcards at the first level never match $SYS-style topics
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** The filter without a {@code $share/GROUP/} prefix. */
    private String matchedPart() {
        if (value.startsWith(SHARE)) {
            int end = value.indexOf('/', SHARE.length());
            return end < 0 ? value : value.substring(end + 1);
        }
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
