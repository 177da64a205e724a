package dev.portal.device.config;

import java.util.List;

/** A configuration with problems; {@link #problems()} holds one line per problem, all of them. */
public final class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
