package dev.portal.portalctl.cli;

import dev.portal.portalctl.ExitCodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Output options shared by every technician command: readable text by default, {@code --json} for scripts;
 * progress bars on stderr when it is a terminal or with {@code --progress}. Also runs a command body so its
 * failures end as a one-line message and the right exit status.
 */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Option(names = "--json", description = "Machine-readable JSON on stdout (one object, or one object per line for streams).")
    boolean json;

    @Option(names = "--progress", description = "Show progress bars on stderr even when it is not a terminal.")
    boolean progress;

    private CommandSpec spec;

    /** Binds to the command being run (picocli injects the spec there). */
    public Output bind(CommandSpec spec) {
        this.spec = spec;
        return this;
    }

    public boolean json() {
        return json;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Writes one JSON value as one line. */
    public void jsonLine(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
            out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A remark for the technician on stderr, so stdout stays clean for scripts and --json. */
    public void note(String text) {
        err().println("portalctl: " + text);
        err().flush();
    }

    public void line(String text) {
        out().println(text);
        out().flush();
    }

    /** A progress bar for {@code total} units, or a silent one when bars are off. */
    public ProgressBar progressBar(String label, long total) {
        return new ProgressBar(err(), label, total, progress || stderrIsTerminal());
    }

    /**
     * The JDK cannot tell whether stderr alone is a terminal: scripts/portalctl tests it ({@code [ -t 2 ]}) and
     * passes {@code -Dportalctl.stderr.tty=true|false}. Without that, a console on the JVM counts.
     */
    static boolean stderrIsTerminal() {
        String told = System.getProperty("portalctl.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console); // JDK 22+
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Runs a command body: PortalctlException and unexpected errors become a message on stderr and an exit status. */
    public int run(Callable<Integer> body) {
        try {
            return body.call();
        } catch (PortalctlException e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (dev.portal.portalctl.BadInputException e) {
            return fail(e.getMessage(), ExitCodes.FAILURE);
        } catch (java.nio.file.NoSuchFileException e) {
            return fail("no such file: " + e.getFile(), ExitCodes.FAILURE);
        } catch (java.io.IOException e) {
            return fail(e.getMessage(), ExitCodes.FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", ExitCodes.FAILURE);
        } catch (Exception e) {
            return fail(String.valueOf(e), ExitCodes.FAILURE);
        }
    }

    private int fail(String message, int exitCode) {
        note(message);
        return exitCode;
    }
}
