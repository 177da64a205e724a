package dev.portal.portalctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A technician command. Every one takes the same output options and must end its failures the same way (a
 * one-line message on stderr and the documented exit status), so subclasses only say what the command does.
 */
public abstract class ToolCommand implements Callable<Integer> {
    @Mixin
    protected Output output;
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        return output.bind(spec).run(this::execute);
    }

    /** The command's work; its exceptions become the message and exit status {@link Output#run} gives them. */
    protected abstract int execute() throws Exception;
}
